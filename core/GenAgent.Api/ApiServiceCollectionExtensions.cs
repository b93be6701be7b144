using GenAgent.Core.Quotas;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using GenAgent.Api.Sessions;
using GenAgent.Api.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the session API's handlers need besides the engine and the store (which the host registers as
    /// singletons): the options, problem details, the wire JSON context and the input image reader.
    /// </summary>
    public static IServiceCollection AddGenAgentApi(this IServiceCollection services, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                "The API configuration is not usable: " + string.Join(" ", problems.Select(p => $"{ApiOptions.SectionName}:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}")));
        }

        services.AddSingleton(options);
        // The one start rule, for the front doors beside the API in this host (the triggers, Discord).
        services.AddSingleton(sp => sp.GetRequiredService<ApiOptions>().Rules);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The context's own options do not travel with it into the host's serializer options.
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.AddHttpClient(InputImageReader.FetchClientName, InputImageReader.ConfigureFetchClient);
        services.AddSingleton<InputImageReader>();
        // In-memory unless the host registered a shared one first (the Functions app: Table Storage).
        services.AddGenAgentAdmission();
        return services;
    }
}
