using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAgent.Infra.Tests.Bicep;
using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Templates;

/// <summary>What makes the deployment cheap and safe, read from the ARM JSON that main.bicep compiles to.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class MainTemplateTests(BicepWorkspace workspace)
{
    private readonly CompiledMain _main = new(workspace);

    [Fact]
    public void Functions_run_on_a_flex_consumption_plan_kept_warm_only_when_asked_or_discord_is_set_up()
    {
        var plan = Assert.Single(_main.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan.Json["sku"]?["name"]?.ToString());
        Assert.Equal("FlexConsumption", plan.Json["sku"]?["tier"]?.ToString());

        var app = FunctionApp();
        var config = app.Properties?["functionAppConfig"] ?? throw new Xunit.Sdk.XunitException("no functionAppConfig");
        Assert.Equal("dotnet-isolated", config["runtime"]?["name"]?.ToString());
        Assert.Equal("10.0", config["runtime"]?["version"]?.ToString());
        // One always-ready instance each for the HTTP and durable groups when keepWarm, none otherwise.
        var alwaysReady = config["scaleAndConcurrency"]?["alwaysReady"]?.ToString() ?? throw new Xunit.Sdk.XunitException("alwaysReady is not set");
        Assert.Equal(
            "[if(parameters('keepWarm'), createArray(createObject('name', 'http', 'instanceCount', 1), createObject('name', 'durable', 'instanceCount', 1)), createArray())]",
            alwaysReady);
        Assert.Equal(false, app.Template["parameters"]?["keepWarm"]?["defaultValue"]?.GetValue<bool>());
        var module = Assert.Single(_main.OfType("Microsoft.Resources/deployments"), d => d.Json["name"]?.ToString() == "functions");
        Assert.Equal(
            "[or(equals(parameters('keepWarm'), 'on'), and(equals(parameters('keepWarm'), 'auto'), not(empty(parameters('discordPublicKey')))))]",
            module.Properties?["parameters"]?["keepWarm"]?["value"]?.ToString());
        Assert.Equal("auto", _main.Root["parameters"]?["keepWarm"]?["defaultValue"]?.ToString());
        Assert.Equal("UserAssignedIdentity", config["deployment"]?["storage"]?["authentication"]?["type"]?.ToString());
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_and_resolves_key_vault_references_with_it()
    {
        var app = FunctionApp();
        Assert.Equal("UserAssigned", app.Json["identity"]?["type"]?.ToString());
        Assert.Contains("identityId", app.Properties?["keyVaultReferenceIdentity"]?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("'azd-service-name', 'api'", app.Json["tags"]?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(true, app.Properties?["httpsOnly"]?.GetValue<bool>());
    }

    [Fact]
    public void Every_setting_the_functions_app_reads_is_set()
    {
        var settings = AppSettingsExpression();
        var missing = FunctionsAppSettings.All.Where(name => !settings.Contains($"'{name}'", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "Not set by infra/app/functions.bicep: " + string.Join(", ", missing));

        // Always-set ones are in the unconditional object, not behind an if().
        var always = Regex.Match(AppSettings().Properties?.ToString() ?? "", @"^\[union\(createObject\((?<args>.*?)\), variables\(", RegexOptions.Singleline);
        Assert.True(always.Success, settings);
        foreach (var name in FunctionsAppSettings.Always.Keys)
        {
            Assert.Contains($"'{name}'", always.Groups["args"].Value, StringComparison.Ordinal);
        }
        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", settings, StringComparison.Ordinal);
        Assert.Contains("'GenAgent__Store__Kind', 'blob'", settings, StringComparison.Ordinal);
        // Flex Consumption rejects these: the runtime comes from functionAppConfig.
        Assert.DoesNotContain("'FUNCTIONS_WORKER_RUNTIME'", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("'FUNCTIONS_EXTENSION_VERSION'", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("'AzureWebJobsStorage',", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_of_the_local_settings_example_has_an_infra_entry()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "local.settings.json.example")))!;
        var keys = example["Values"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.NotEmpty(keys);
        var known = FunctionsAppSettings.All.Concat(FunctionsAppSettings.ReplacedInAzure.Keys).ToHashSet(StringComparer.Ordinal);
        var unknown = keys.Where(k => !known.Contains(k)).ToArray();
        Assert.True(unknown.Length == 0,
            "functions/local.settings.json.example has settings infra does not set; add them to infra/app/functions.bicep and FunctionsAppSettings: "
            + string.Join(", ", unknown));
        foreach (var replacement in FunctionsAppSettings.ReplacedInAzure.Values.Where(r => r.Contains("__", StringComparison.Ordinal)))
        {
            Assert.Contains($"'{replacement}'", AppSettingsExpression(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secret_settings_are_key_vault_references_and_only_exist_when_the_secret_does()
    {
        var settings = AppSettingsExpression();
        foreach (var name in FunctionsAppSettings.Secrets.Keys)
        {
            Assert.Matches(new Regex(@"if\(parameters\('has\w+'\), createObject\('" + Regex.Escape(name) + @"', format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=[a-z-]+\)'"), settings);
        }

        var vault = Assert.Single(_main.OfType("Microsoft.KeyVault/vaults"));
        Assert.Equal(true, vault.Properties?["enableRbacAuthorization"]?.GetValue<bool>());
        var secrets = _main.OfType("Microsoft.KeyVault/vaults/secrets").ToArray();
        Assert.Equal(7, secrets.Length);
        foreach (var secret in secrets)
        {
            // Created only when given (the generated keys always are), from a secure parameter.
            if (!secret.Text.Contains("gpu-worker-api-key", StringComparison.Ordinal) && !secret.Text.Contains("api-link-key", StringComparison.Ordinal))
            {
                Assert.StartsWith("[not(empty(parameters(", secret.Json["condition"]?.ToString(), StringComparison.Ordinal);
            }
            Assert.StartsWith("[parameters(", secret.Properties?["value"]?.ToString(), StringComparison.Ordinal);
        }

        // The public GPU worker requires its key; the Functions app sends it as the generator's key.
        var worker = ContainerApp("gpu-worker").Text;
        Assert.Contains("secrets/gpu-worker-api-key", worker, StringComparison.Ordinal);
        Assert.Contains("Worker__ApiKey", worker, StringComparison.Ordinal);
        Assert.Contains("SecretName=gpu-worker-api-key", settings, StringComparison.Ordinal);
        // Report pages and images are anonymous routes that admit links signed with the link key.
        Assert.Contains("SecretName=api-link-key", settings, StringComparison.Ordinal);

        // The bot reads the same secrets through Container Apps' Key Vault secrets, as the identity.
        var bot = ContainerApp("bot");
        var text = bot.Text;
        Assert.Contains("secrets/discord-bot-token", text, StringComparison.Ordinal);
        Assert.Contains("'secretRef', 'discord-bot-token'", text, StringComparison.Ordinal);
    }


    [Fact]
    public void Secure_parameters_have_no_values_and_come_from_the_azd_environment()
    {
        var parameters = _main.Root["parameters"]!.AsObject();
        var secure = parameters.Where(p => p.Value?["type"]?.ToString() == "securestring").ToArray();
        Assert.Equal(
            ["agentApiKey", "apiLinkKey", "discordBotToken", "discordPublicKey", "editorApiKey", "generatorApiKey", "gpuWorkerApiKey"],
            secure.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (name, definition) in secure)
        {
            // Empty or none: a newGuid() default is a new key on every provision (the worker key and every signed link
            // break); the generated keys come from the azd environment, made once by the preprovision hook.
            Assert.Equal("", definition?["defaultValue"]?.ToString() ?? "");
        }

        foreach (var generated in new[] { "gpuWorkerApiKey", "apiLinkKey" })
        {
            // An empty value (the hook did not run) fails the deployment up front rather than deploying an open worker.
            Assert.Equal(32, parameters[generated]?["minLength"]?.GetValue<int>());
        }

        Assert.DoesNotContain("newGuid", _main.Text, StringComparison.Ordinal);

        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        foreach (var (name, value) in file)
        {
            Assert.True(parameters.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare.");
            var text = value?["value"]?.ToString() ?? "";
            Assert.Matches(EnvironmentReference(), text);
        }
        foreach (var (name, _) in secure)
        {
            Assert.Matches(new Regex(@"^\$\{[A-Z_]+=\}$"), file[name]?["value"]?.ToString() ?? "");
        }
    }

    [Fact]
    public void Nothing_in_infra_holds_a_secret_literal()
    {
        var texts = workspace.Compiled.Where(c => c.Value is not null).Select(c => (File: c.Key + " (compiled)", Text: c.Value!))
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Infra, "*", SearchOption.AllDirectories).Select(f => (File: f, Text: File.ReadAllText(f))))
            .Append((File: "azure.yaml", Text: File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"))));
        foreach (var (file, text) in texts)
        {
            foreach (var pattern in SecretPatterns)
            {
                Assert.False(pattern.IsMatch(text), $"{file} matches the secret pattern {pattern}: {pattern.Match(text).Value}");
            }
        }

        // Keys are read only where a resource cannot take an identity: the SMB share mount, the Log Analytics agent key
        // and the function key in Event Grid's webhook URL. Never in an output.
        var listKeys = _main.Resources.Where(r => r.Text.Contains("listKeys(", StringComparison.Ordinal) && r.Type != "Microsoft.Resources/deployments")
            .Select(r => r.Type).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Microsoft.App/managedEnvironments", "Microsoft.App/managedEnvironments/storages", "Microsoft.EventGrid/systemTopics/eventSubscriptions"], listKeys);
        Assert.DoesNotContain("listKeys", _main.Root["outputs"]!.ToJsonStringUnescaped(), StringComparison.Ordinal);
        foreach (var deployment in _main.OfType("Microsoft.Resources/deployments"))
        {
            Assert.DoesNotContain("listKeys", deployment.Json["properties"]?["template"]?["outputs"]?.ToJsonStringUnescaped() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_app_storage_account_allows_no_shared_key_and_only_the_models_account_does()
    {
        var accounts = _main.OfType("Microsoft.Storage/storageAccounts").ToArray();
        Assert.Equal(2, accounts.Length);
        var app = Assert.Single(accounts, a => a.Module == "storage");
        Assert.Equal(false, app.Properties?["allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.Equal(false, app.Properties?["allowBlobPublicAccess"]?.GetValue<bool>());
        Assert.Equal(true, app.Properties?["defaultToOAuthAuthentication"]?.GetValue<bool>());

        // The SMB mount of Container Apps needs the account key; that account holds model files only.
        var models = Assert.Single(accounts, a => a.Module == "models-storage");
        Assert.Equal(true, models.Properties?["allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.DoesNotContain(_main.InModule("models-storage"), r => r.Type.Contains("blobServices", StringComparison.Ordinal) || r.Type.Contains("queueServices", StringComparison.Ordinal));
        Assert.Single(_main.OfType("Microsoft.Storage/storageAccounts/fileServices/shares"));
    }

    [Fact]
    public void Storage_has_the_containers_queues_table_and_a_lifecycle_rule_for_images()
    {
        var containers = Assert.Single(_main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.NotNull(containers.Json["copy"]);
        var storage = _main.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "storage");
        var parameters = storage.Properties?["parameters"]?.ToJsonStringUnescaped() ?? "";
        Assert.Contains("requestsContainerName", parameters, StringComparison.Ordinal);
        Assert.Contains("resultsContainerName", parameters, StringComparison.Ordinal);
        Assert.Contains("imagesContainerName", parameters, StringComparison.Ordinal);
        Assert.Contains("deploymentContainerName", parameters, StringComparison.Ordinal);
        Assert.Equal(["genagent-requests", "genagent-requests-poison"], _main.Root["variables"]!.AsObject()
            .Where(v => v.Key is "requestsQueueName" or "poisonQueueName").Select(v => v.Value!.ToString()).Order(StringComparer.Ordinal));
        Assert.Single(_main.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));

        var lifecycle = Assert.Single(_main.OfType("Microsoft.Storage/storageAccounts/managementPolicies"));
        var rules = lifecycle.Properties?["policy"]?["rules"]?.AsArray() ?? throw new Xunit.Sdk.XunitException("no lifecycle rules");
        var images = rules.Single(r => r?["name"]?.ToString() == "expire-session-images")!;
        Assert.Contains("/sessions/", images["definition"]?["filters"]?["prefixMatch"]?.ToJsonStringUnescaped() ?? "", StringComparison.Ordinal);
        Assert.Equal("[parameters('retentionDays')]", images["definition"]?["actions"]?["baseBlob"]?["delete"]?["daysAfterModificationGreaterThan"]?.ToString());
    }

    [Fact]
    public void The_identity_gets_data_roles_instead_of_keys()
    {
        var assignments = _main.OfType("Microsoft.Authorization/roleAssignments").ToArray();
        var forIdentity = assignments.Where(a => a.Properties?["principalId"]?.ToString() == "[parameters('identityPrincipalId')]").ToArray();
        string[] roles =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "7f951dda-4ed3-4680-a7ca-43fe172d538d", // AcrPull
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        ];
        var module = forIdentity.Select(a => a.Template).Distinct().Single();
        var variables = module["variables"]!.ToJsonStringUnescaped();
        foreach (var role in roles)
        {
            Assert.Contains(role, variables, StringComparison.Ordinal);
        }
        Assert.Equal(roles.Length, forIdentity.Length);
        foreach (var assignment in assignments)
        {
            // guid(scope, principal, role): stable across re-provisions, unique per grant.
            Assert.Matches(new Regex(@"^\[guid\(resourceId\('[^']+', parameters\('\w+'\)\), parameters\('\w+PrincipalId'\), variables\('\w+'\)\)\]$"), assignment.Name ?? "");
        }
    }

    [Fact]
    public void The_gpu_worker_scales_to_zero_on_a_serverless_gpu_profile_with_probes_and_the_model_share()
    {
        var worker = ContainerApp("gpu-worker");
        var template = worker.Properties?["template"] ?? throw new Xunit.Sdk.XunitException("no template");
        Assert.Equal(0, template["scale"]?["minReplicas"]?.GetValue<int>());
        Assert.NotNull(template["scale"]?["rules"]?.AsArray().SingleOrDefault(r => r?["http"] is not null));
        Assert.Contains("gpuProfileName", worker.Properties?["workloadProfileName"]?.ToString() ?? "", StringComparison.Ordinal);

        var container = template["containers"]!.AsArray().Single()!;
        // Probes only for the real image (the placeholder has no /health): the three kinds, each on /health at 8080.
        var probes = container["probes"]!.ToString();
        Assert.StartsWith("[if(variables('placeholder'), createArray(), createArray(", probes, StringComparison.Ordinal);
        foreach (var kind in new[] { "Startup", "Liveness", "Readiness" })
        {
            Assert.Contains($"createObject('type', '{kind}', 'httpGet', createObject('path', '/health', 'port', variables('workerPort'))", probes, StringComparison.Ordinal);
        }
        Assert.Equal("/models", container["volumeMounts"]!.AsArray().Single()!["mountPath"]!.ToString());
        Assert.Contains("Models__Path", container["env"]!.ToJsonStringUnescaped(), StringComparison.Ordinal);
        Assert.Equal("AzureFile", template["volumes"]!.AsArray().Single()!["storageType"]!.ToString());
        // The worker listens on 8080; the first provision's placeholder image on 80 with no /health, so ingress follows
        // the image and the probes only exist for the real one.
        Assert.Equal("8080", worker.Template["variables"]?["workerPort"]?.ToString());
        Assert.Equal("[if(variables('placeholder'), 80, variables('workerPort'))]", worker.Template["variables"]?["port"]?.ToString());
        Assert.Equal("[variables('port')]", worker.Properties?["configuration"]?["ingress"]?["targetPort"]?.ToString());

        var environment = Assert.Single(_main.OfType("Microsoft.App/managedEnvironments"));
        var profiles = environment.Properties?["workloadProfiles"]?.ToString() ?? "";
        Assert.Contains("parameters('gpuProfileType')", profiles, StringComparison.Ordinal);
        var allowed = environment.Template["parameters"]?["gpuProfileType"]?["allowedValues"]?.AsArray().Select(v => v!.ToString()).ToArray() ?? [];
        Assert.Contains("Consumption-GPU-NC8as-T4", allowed);
        Assert.Contains("Consumption-GPU-NC24-A100", allowed);
        var share = Assert.Single(_main.OfType("Microsoft.App/managedEnvironments/storages"));
        Assert.Equal("ReadOnly", share.Properties?["azureFile"]?["accessMode"]?.ToString());
    }

    [Fact]
    public void Container_apps_pull_with_the_identity_and_the_bot_runs_one_replica_only_when_enabled()
    {
        foreach (var service in new[] { "gpu-worker", "bot" })
        {
            var app = ContainerApp(service);
            Assert.Equal("UserAssigned", app.Json["identity"]?["type"]?.ToString());
            var registry = app.Properties?["configuration"]?["registries"]?.AsArray().Single();
            Assert.Equal("[parameters('identityId')]", registry?["identity"]?.ToString());
            Assert.Null(registry?["passwordSecretRef"]);
        }

        var bot = ContainerApp("bot").Properties!["template"]!["scale"]!;
        Assert.Equal("[if(parameters('enabled'), 1, 0)]", bot["minReplicas"]?.ToString());
        Assert.Equal(1, bot["maxReplicas"]?.GetValue<int>());
        Assert.Null(ContainerApp("bot").Properties!["configuration"]!["ingress"]);
    }

    [Fact]
    public void Event_grid_delivers_blob_created_events_for_requests_to_the_cloud_events_endpoint()
    {
        var topic = Assert.Single(_main.OfType("Microsoft.EventGrid/systemTopics"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties?["topicType"]?.ToString());
        var subscription = Assert.Single(_main.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var properties = subscription.Properties!;
        Assert.Equal("CloudEventSchemaV1_0", properties["eventDeliverySchema"]?.ToString());
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.ToString()));
        Assert.Contains("/containers/{0}/blobs/", properties["filter"]!["subjectBeginsWith"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/api/events?code=", properties["destination"]!["properties"]!["endpointUrl"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('subscribe')]", subscription.Json["condition"]?.ToString());
    }

    [Fact]
    public void Everything_is_tagged_for_azd_and_outputs_are_upper_snake()
    {
        var group = Assert.Single(_main.OfType("Microsoft.Resources/resourceGroups"));
        Assert.Equal("[variables('tags')]", group.Json["tags"]?.ToString());
        Assert.Contains("azd-env-name", _main.Root["variables"]!["tags"]!.ToJsonStringUnescaped(), StringComparison.Ordinal);
        Assert.Equal(
            "[uniqueString(subscription().id, parameters('environmentName'), parameters('location'))]",
            Regex.Replace(_main.Root["variables"]!["resourceToken"]!.ToString(), @"^\[toLower\((.*)\)\]$", "[$1]"));
        foreach (var resource in _main.Resources.Where(r => r.Json["location"] is not null && r.Type != "Microsoft.Resources/resourceGroups"))
        {
            Assert.True(resource.Json["tags"] is not null, $"{resource.Type} in {resource.Module} has no tags.");
        }

        var outputs = _main.Root["outputs"]!.AsObject().Select(o => o.Key).ToArray();
        Assert.All(outputs, name => Assert.Matches(new Regex("^[A-Z][A-Z0-9_]*$"), name));
        foreach (var required in new[] { "AZURE_FUNCTION_APP_URL", "DISCORD_INTERACTIONS_URL", "GPU_WORKER_URL", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_RESOURCE_GROUP" })
        {
            Assert.Contains(required, outputs);
        }
        Assert.Contains("/api/discord/interactions'", _main.Root["outputs"]!["DISCORD_INTERACTIONS_URL"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    private ArmResource FunctionApp() => Assert.Single(_main.OfType("Microsoft.Web/sites"), s => s.Module == "functions");

    private ArmResource ContainerApp(string service) =>
        Assert.Single(_main.OfType("Microsoft.App/containerApps"), a => (a.Json["tags"]?.ToString() ?? "").Contains($"'azd-service-name', '{service}'", StringComparison.Ordinal));

    /// <summary>The appsettings resource's properties with the variables it unions inlined.</summary>
    private ArmResource AppSettings() =>
        Assert.Single(_main.OfType("Microsoft.Web/sites/config"), c => (c.Name ?? "").Contains("appsettings", StringComparison.Ordinal));

    private string AppSettingsExpression()
    {
        var config = AppSettings();
        var text = config.Properties?.ToString() ?? "";
        return VariableReference().Replace(text, m => config.Variable(m.Groups[1].Value));
    }

    private static readonly Regex[] SecretPatterns =
    [
        new("AccountKey=", RegexOptions.IgnoreCase),
        new("SharedAccessKey=", RegexOptions.IgnoreCase),
        new(@"[?&]sig=[A-Za-z0-9%]", RegexOptions.IgnoreCase),
        new("DefaultEndpointsProtocol=", RegexOptions.IgnoreCase),
        new(@"""(password|secret|token|apiKey|accountKey)""\s*:\s*""(?!\[)[^""]+""", RegexOptions.IgnoreCase),
        new(@"\b[MN][A-Za-z\d]{23,25}\.[\w-]{6}\.[\w-]{27,38}\b"), // a Discord bot token
        new(@"\bsk-[A-Za-z0-9_-]{20,}"), // an OpenAI key
        new(@"\b[A-Za-z0-9+/]{86}==") // a storage account key
    ];

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(=[^}]*)?\}$")]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();
}
