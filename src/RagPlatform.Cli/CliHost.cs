using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagPlatform.Evaluation;
using RagPlatform.Experiments;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Cli;

/// <summary>
/// Composes the application layer for one command: configuration from appsettings.json, RAGP_ environment
/// variables and command-line flags (in rising priority), logging to standard error, and the platform services.
/// </summary>
internal static class CliHost
{
    public static IHost Build(ParseResult parseResult, CliEnvironment environment, IReadOnlyDictionary<string, string?>? commandSettings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "ragp.json"), optional: true)
            .AddEnvironmentVariables(prefix: "RAGP_")
            .AddInMemoryCollection(GlobalOptions.ToConfiguration(parseResult))
            .AddInMemoryCollection(commandSettings ?? new Dictionary<string, string?>());

        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= (verbose ? LogLevel.Debug : LogLevel.Warning));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddRagPlatform(builder.Configuration);
        builder.Services.AddRagEvaluation();
        builder.Services.AddRagExperiments();
        builder.Services.AddSingleton(environment);
        return builder.Build();
    }
}
