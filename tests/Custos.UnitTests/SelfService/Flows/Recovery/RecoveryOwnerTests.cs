using Custos.Config;
using Custos.SelfService.Flows.Recovery;
using Custos.UnitTests.SelfService.Strategies;

namespace Custos.UnitTests.SelfService.Flows.Recovery;

/// <summary>The one method a recovery submission is offered to: the method that issued the flow's secret, else the one <c>use</c> names.</summary>
public sealed class RecoveryOwnerTests
{
    private static readonly IRecoveryStrategy[] Methods = [AddressStrategies.Code(), AddressStrategies.Link()];

    [Theory]
    [InlineData("link", "code")]
    [InlineData("code", "link")]
    public void TheMethodThatIssuedTheFlowOwnsIt_WhateverUseSays(string active, string use)
    {
        var owner = RecoveryFlowService.Owner(Methods, AddressStrategies.RecoveryFlow(active), Use(use));

        Assert.Equal(active, owner?.Method);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("link")]
    public void AFlowNoMethodIssuedYet_BelongsToTheOneUseNames(string use)
    {
        var owner = RecoveryFlowService.Owner(Methods, AddressStrategies.RecoveryFlow(), Use(use));

        Assert.Equal(use, owner?.Method);
    }

    [Fact]
    public void AFlowOfAnUnknownMethod_HasNoOwner()
    {
        var owner = RecoveryFlowService.Owner(Methods, AddressStrategies.RecoveryFlow("carrier_pigeon"), AddressFlowStrategy.Code);

        Assert.Null(owner);
    }

    private static AddressFlowStrategy Use(string value) => value == "link" ? AddressFlowStrategy.Link : AddressFlowStrategy.Code;
}
