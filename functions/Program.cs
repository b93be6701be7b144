using GenAgent.Core.Configuration;
using GenAgent.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.AddGenAgentProfiles();
builder.Services.AddGenAgentFunctions(builder.Configuration);
builder.Build().Run();
