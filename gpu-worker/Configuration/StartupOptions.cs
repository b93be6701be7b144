using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace GenAgent.GpuWorker.Configuration;

/// <summary>
/// Binds and validates an options section before the host is built. The models load while the host is being
/// configured (so a bad manifest stops the process before Kestrel listens), which is earlier than
/// <c>ValidateOnStart</c> runs, so these sections are validated here and registered as plain values.
/// </summary>
internal static class StartupOptions
{
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var value = new T();
        configuration.GetSection(section).Bind(value);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var problems = results.Select(r => r.MemberNames.Any()
                ? $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"
                : r.ErrorMessage);
            throw new WorkerStartupException(string.Join(" ", problems));
        }

        return value;
    }
}
