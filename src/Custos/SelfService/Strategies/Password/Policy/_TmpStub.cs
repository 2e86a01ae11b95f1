namespace Custos.SelfService.Strategies.Password.Policy;
internal sealed class PasswordPolicy { public Task<Custos.SelfService.Ui.UiText?> ValidateAsync(string identifier, string password, CancellationToken ct) => Task.FromResult(password.Length < 8 ? Custos.SelfService.Ui.Messages.ErrorValidationPasswordMinLength(8, password.Length) : null); }
