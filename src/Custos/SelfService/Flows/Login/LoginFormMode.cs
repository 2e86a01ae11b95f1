namespace Custos.SelfService.Flows.Login;

/// <summary>Which form a login strategy fills in (Kratos's form hydrators).</summary>
internal enum LoginFormMode
{
    /// <summary>A first-factor login in the unified style: every method's full form.</summary>
    FirstFactor,

    /// <summary><c>refresh=true</c> at aal1: the forms bound to the signed-in identity.</summary>
    Refresh,

    /// <summary>Identifier-first, step 1: only what identifies the person (and buttons that need no identifier).</summary>
    Identification,

    /// <summary>Identifier-first, step 2: the methods the identified person can use (or decoys for an unknown one).</summary>
    Credentials,

    /// <summary>A step-up to aal2: the signed-in identity's second factors.</summary>
    SecondFactor,
}
