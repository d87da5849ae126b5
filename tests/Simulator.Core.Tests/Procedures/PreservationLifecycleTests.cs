using Simulator.Core.Procedures;

namespace Simulator.Core.Tests.Procedures;

public class PreservationLifecycleTests
{
    [Fact]
    public void Extensions_stop_at_the_instruments_limit()
    {
        var p = new PreservationLifecycle(maxExtensions: 1);
        p.Fire(PreservationTrigger.Confirm);
        Assert.True(p.CanExtend);
        p.Fire(PreservationTrigger.Extend);
        Assert.Equal(PreservationState.Extended, p.State);
        Assert.False(p.CanExtend);
    }

    [Fact]
    public void A_preservation_without_extensions_cannot_be_extended()
    {
        var p = new PreservationLifecycle(maxExtensions: 0);
        p.Fire(PreservationTrigger.Confirm);
        Assert.False(p.CanExtend);
    }

    [Fact]
    public void A_production_request_converts_it_and_delivery_releases_it()
    {
        var p = new PreservationLifecycle(0);
        p.Fire(PreservationTrigger.Confirm);
        p.Fire(PreservationTrigger.Convert);
        Assert.True(p.Holds);
        p.Fire(PreservationTrigger.Release);
        Assert.False(p.Holds);
    }

    [Fact]
    public void A_lapsed_preservation_no_longer_holds()
    {
        var p = new PreservationLifecycle(2);
        p.Fire(PreservationTrigger.Confirm);
        p.Fire(PreservationTrigger.Lapse);
        Assert.False(p.Holds);
        Assert.False(p.CanExtend);
    }
}
