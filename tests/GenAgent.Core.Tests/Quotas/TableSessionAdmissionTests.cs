using System.Net.Sockets;
using Azure.Data.Tables;
using GenAgent.Core.Quotas;

namespace GenAgent.Core.Tests.Quotas;

/// <summary>Runs against Azurite's table service on 127.0.0.1:10002; each test has a table of its own.</summary>
public sealed class TableSessionAdmissionTests : IAsyncLifetime
{
    private readonly TableClient _table = new("UseDevelopmentStorage=true", $"admission{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", 10002);
        }
        catch (SocketException ex)
        {
            Assert.Fail($"Azurite is not listening on 127.0.0.1:10002; start Azurite: scripts/azurite.sh ({ex.Message})");
        }
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    private TableSessionAdmission Create(AdmissionOptions options) => new(_table, new SettableOptionsMonitor<AdmissionOptions>(options));

    [Fact]
    public async Task Caps_per_user_and_global_refuse_with_the_usage_and_release_frees_a_slot()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentPerUser = 1, MaxConcurrentGlobal = 2 });
        Assert.True((await admission.TryAdmitAsync("ana", "s1")).Admitted);

        var overUser = await admission.TryAdmitAsync("ana", "s2");
        Assert.Equal(AdmissionLimit.PerUser, overUser.Limit);
        Assert.Equal((1, 1), (overUser.InUse, overUser.Maximum));

        Assert.True((await admission.TryAdmitAsync("bob", "s3")).Admitted);
        var overGlobal = await admission.TryAdmitAsync("cy", "s4");
        Assert.Equal(AdmissionLimit.Global, overGlobal.Limit);
        Assert.Equal((2, 2), (overGlobal.InUse, overGlobal.Maximum));

        await admission.ReleaseAsync("ana", "s1");
        await admission.ReleaseAsync("ana", "s1");
        Assert.Equal(1, await admission.InUseAsync());
        Assert.True((await admission.TryAdmitAsync("ana", "s2")).Admitted);
        Assert.Equal(2, await admission.InUseAsync());
        var listed = await admission.ListAdmittedAsync();
        Assert.Equal([("ana", "s2"), ("bob", "s3")], listed.Select(a => (a.UserId, a.SessionId)).OrderBy(a => a.SessionId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admitting_the_same_session_twice_takes_one_slot()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentGlobal = 1 });

        Assert.True((await admission.TryAdmitAsync("ana/with#odd?chars", "s1")).Admitted);
        Assert.True((await admission.TryAdmitAsync("ana/with#odd?chars", "s1")).Admitted);

        Assert.Equal(1, await admission.InUseAsync());
    }

    [Fact]
    public async Task Kill_switch_refuses_before_any_counter_changes()
    {
        var admission = Create(new AdmissionOptions { KillSwitch = true });

        var refused = await admission.TryAdmitAsync(null, "s1");

        Assert.Equal(AdmissionLimit.KillSwitch, refused.Limit);
        Assert.Equal(0, await admission.InUseAsync());
    }

    [Fact]
    public async Task Two_instances_racing_for_the_last_slot_admit_exactly_one()
    {
        var limits = new AdmissionOptions { MaxConcurrentGlobal = 2 };
        var first = Create(limits);
        Assert.True((await first.TryAdmitAsync(null, "held")).Admitted);

        // Separate instances stand for separate app instances: only the table is shared.
        var racers = Enumerable.Range(0, 2).Select(_ => Create(limits)).ToList();
        using var start = new Barrier(2);
        var results = await Task.WhenAll(racers.Select((racer, i) => Task.Run(() =>
        {
            start.SignalAndWait();
            return racer.TryAdmitAsync($"user{i}", $"racer{i}");
        })));

        Assert.Single(results, r => r.Admitted);
        Assert.Single(results, r => r.Limit == AdmissionLimit.Global);
        Assert.Equal(2, await first.InUseAsync());
    }

    [Fact]
    public async Task Many_concurrent_admits_never_exceed_the_cap_and_all_releases_return_to_zero()
    {
        var limits = new AdmissionOptions { MaxConcurrentGlobal = 3, MaxConcurrentPerUser = 2 };
        var admission = Create(limits);
        var ids = Enumerable.Range(0, 8).Select(i => (User: $"user{i % 2}", Session: $"s{i}")).ToList();

        var results = await Task.WhenAll(ids.Select(id => admission.TryAdmitAsync(id.User, id.Session)));

        Assert.Equal(3, results.Count(r => r.Admitted));
        Assert.Equal(3, await admission.InUseAsync());
        await Task.WhenAll(ids.Select(id => admission.ReleaseAsync(id.User, id.Session)));
        Assert.Equal(0, await admission.InUseAsync());
    }
}
