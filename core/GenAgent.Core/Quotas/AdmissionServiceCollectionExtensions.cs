using GenAgent.Core.Images;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GenAgent.Core.Quotas;

public static class AdmissionServiceCollectionExtensions
{
    /// <summary>The table <see cref="AddGenAgentTableAdmission"/> keeps its counters in unless told otherwise.</summary>
    public const string DefaultTable = "GenAgentAdmission";

    /// <summary>
    /// Admission control in this process (<see cref="InMemorySessionAdmission"/>), for the in-process self-host. The
    /// limits bind from <see cref="AdmissionOptions.Section"/> and are read per request, so the kill switch follows a
    /// configuration reload.
    /// </summary>
    public static IServiceCollection AddGenAgentAdmission(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddAdmissionOptions(services);
        services.TryAddSingleton<ISessionAdmission, InMemorySessionAdmission>();
        return services;
    }

    /// <summary>Admission control shared by every instance of the app, in table <paramref name="tableName"/> (<see cref="TableSessionAdmission"/>).</summary>
    public static IServiceCollection AddGenAgentTableAdmission(this IServiceCollection services, string connectionString, string tableName = DefaultTable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return AddGenAgentTableAdmission(services, AzureStorageConnection.FromConnectionString(connectionString), tableName);
    }

    /// <summary>The same over <paramref name="storage"/>, which may be identity-based (no shared key).</summary>
    public static IServiceCollection AddGenAgentTableAdmission(this IServiceCollection services, AzureStorageConnection storage, string tableName = DefaultTable)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        AddAdmissionOptions(services);
        services.TryAddSingleton<ISessionAdmission>(provider =>
            new TableSessionAdmission(storage.CreateTableClient(tableName), provider.GetRequiredService<IOptionsMonitor<AdmissionOptions>>()));
        return services;
    }

    private static void AddAdmissionOptions(IServiceCollection services) =>
        services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
}
