using GenAgent.Core.Quotas;

namespace GenAgent.Core.Tests.Quotas;

public sealed class InMemorySessionAdmissionTests
{
    private static InMemorySessionAdmission Create(AdmissionOptions options) => new(new SettableOptionsMonitor<AdmissionOptions>(options));

    [Fact]
    public async Task Per_user_cap_refuses_the_users_next_session_and_names_the_usage()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentPerUser = 2 });
        Assert.True((await admission.TryAdmitAsync("ana", "s1")).Admitted);
        Assert.True((await admission.TryAdmitAsync("ana", "s2")).Admitted);

        var refused = await admission.TryAdmitAsync("ana", "s3");

        Assert.False(refused.Admitted);
        Assert.Equal(AdmissionLimit.PerUser, refused.Limit);
        Assert.Equal(2, refused.InUse);
        Assert.Equal(2, refused.Maximum);
        Assert.Contains("ana", refused.Reason, StringComparison.Ordinal);
        Assert.True((await admission.TryAdmitAsync("bob", "s4")).Admitted);
        Assert.True((await admission.TryAdmitAsync(null, "s5")).Admitted);
    }

    [Fact]
    public async Task Global_cap_counts_every_user()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentGlobal = 2, MaxConcurrentPerUser = 5 });
        await admission.TryAdmitAsync("ana", "s1");
        await admission.TryAdmitAsync(null, "s2");

        var refused = await admission.TryAdmitAsync("bob", "s3");

        Assert.Equal(AdmissionLimit.Global, refused.Limit);
        Assert.Equal(2, refused.InUse);
        Assert.Equal(2, refused.Maximum);
    }

    [Fact]
    public async Task Release_frees_the_slot_once_and_admitting_again_is_idempotent()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentPerUser = 1, MaxConcurrentGlobal = 1 });
        Assert.True((await admission.TryAdmitAsync("ana", "s1")).Admitted);
        Assert.True((await admission.TryAdmitAsync("ana", "s1")).Admitted);
        Assert.Equal(1, admission.InUse);
        Assert.False((await admission.TryAdmitAsync("ana", "s2")).Admitted);

        await admission.ReleaseAsync("ana", "s1");
        await admission.ReleaseAsync("ana", "s1");

        Assert.Equal(0, admission.InUse);
        Assert.True((await admission.TryAdmitAsync("ana", "s2")).Admitted);
        Assert.False((await admission.TryAdmitAsync("bob", "s3")).Admitted);
    }

    [Fact]
    public async Task Kill_switch_refuses_new_sessions_until_it_is_turned_off()
    {
        var options = new SettableOptionsMonitor<AdmissionOptions>(new AdmissionOptions { KillSwitch = true });
        var admission = new InMemorySessionAdmission(options);

        var refused = await admission.TryAdmitAsync("ana", "s1");

        Assert.Equal(AdmissionLimit.KillSwitch, refused.Limit);
        Assert.Contains("kill switch", refused.Reason, StringComparison.Ordinal);
        options.CurrentValue = new AdmissionOptions();
        Assert.True((await admission.TryAdmitAsync("ana", "s1")).Admitted);
    }
}
