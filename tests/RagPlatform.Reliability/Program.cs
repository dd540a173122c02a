using System.CommandLine;
using RagPlatform.Reliability.BadInputs;
using RagPlatform.Reliability.Concurrency;
using RagPlatform.Reliability.Crash;
using RagPlatform.Reliability.Infrastructure;
using RagPlatform.Reliability.Injection;
using RagPlatform.Reliability.Load;
using RagPlatform.Reliability.Runner;
using RagPlatform.Reliability.Security;

const string RunCommand = "dotnet run -c Release --project tests/RagPlatform.Reliability --";

var kills = new Option<int>("--kills") { Description = "Ingestion runs killed with SIGKILL", DefaultValueFactory = _ => 50 };
var documents = new Option<int>("--documents") { Description = "Generated documents ingested (crash, concurrency)", DefaultValueFactory = _ => 400 };
var requests = new Option<int>("--requests") { Description = "Total requests of the load test", DefaultValueFactory = _ => 2000 };
var clients = new Option<int>("--clients") { Description = "Concurrent clients of the load test", DefaultValueFactory = _ => 8 };
var questions = new Option<int>("--questions") { Description = "Evaluation questions asked with and without hostile documents", DefaultValueFactory = _ => 66 };
var noReport = new Option<bool>("--no-report") { Description = $"Print the figures without rewriting {ReliabilityReport.RelativePath}", Recursive = true };

var scenarios = new (string Name, string Description, Option[] Options, Func<ParseResult, CancellationToken, Task<(ScenarioReport Report, string Arguments)>> Run)[]
{
    (CrashScenario.Name, "SIGKILL ragp ingest at random moments while readers search; doctor after every kill", [kills, documents], async (parse, ct) =>
    {
        var options = new CrashOptions(Kills: parse.GetValue(kills), Documents: parse.GetValue(documents));
        return ((await CrashScenario.RunAsync(options, Log, ct)).ToReport(), $"--kills {options.Kills} --documents {options.Documents}");
    }),
    (BadInputScenario.Name, "Broken and hostile files in one batch with good ones", [], async (_, ct) =>
        ((await BadInputScenario.RunAsync(new BadInputOptions(), Log, ct)).ToReport(), "")),
    (InjectionScenario.Name, "Documents carrying instructions, template syntax, delimiters and HTML", [questions], async (parse, ct) =>
    {
        var options = new InjectionOptions(parse.GetValue(questions));
        return ((await InjectionScenario.RunAsync(options, Log, ct)).ToReport(), $"--questions {options.Questions}");
    }),
    (LoadScenario.Name, "Bounded load of /api/ask and /v1/chat/completions on loopback", [requests, clients], async (parse, ct) =>
    {
        var options = new LoadOptions(Requests: parse.GetValue(requests), Clients: parse.GetValue(clients));
        return ((await LoadScenario.RunAsync(options, Log, ct)).ToReport(), $"--requests {options.Requests} --clients {options.Clients}");
    }),
    (ConcurrencyScenario.Name, "Questions answered while ingestion runs in the same process", [documents], async (parse, ct) =>
    {
        var options = new ConcurrencyOptions(Documents: parse.GetValue(documents));
        return ((await ConcurrencyScenario.RunAsync(options, Log, ct)).ToReport(), $"--documents {options.Documents}");
    }),
    (SecurityScenario.Name, "API keys on every endpoint, path traversal, oversize, XSS, rate limiting", [], async (_, ct) =>
        ((await SecurityScenario.RunAsync(new SecurityOptions(), Log, ct)).ToReport(), "")),
};
var order = scenarios.Select(scenario => scenario.Name).ToList();

var root = new RootCommand($"Reliability and security scenarios of RagPlatform; each rewrites its rows of {ReliabilityReport.RelativePath}.") { noReport };
foreach (var scenario in scenarios)
{
    var command = new Command(scenario.Name, scenario.Description);
    foreach (var option in scenario.Options)
    {
        command.Options.Add(option);
    }

    command.SetAction(async (parse, ct) => await RunAsync([scenario], parse, ct));
    root.Subcommands.Add(command);
}

var all = new Command("all", "Every scenario with its full-size defaults (or the sizes given)") { kills, documents, requests, clients, questions };
all.SetAction(async (parse, ct) => await RunAsync(scenarios, parse, ct));
root.Subcommands.Add(all);
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(
    IEnumerable<(string Name, string Description, Option[] Options, Func<ParseResult, CancellationToken, Task<(ScenarioReport Report, string Arguments)>> Run)> selected,
    ParseResult parse,
    CancellationToken cancellationToken)
{
    var failed = 0;
    foreach (var scenario in selected)
    {
        Log($"== {scenario.Name}: {scenario.Description}");
        var (report, arguments) = await scenario.Run(parse, cancellationToken);
        foreach (var figure in report.Figures)
        {
            Log($"{(figure.Passed ? "pass" : "FAIL")}  {figure.Name}: {figure.Value} (target {figure.Target})");
        }

        foreach (var failure in report.Failures)
        {
            Log($"  problem: {failure}");
        }

        if (!parse.GetValue(noReport))
        {
            var path = Path.Combine(RepositoryLayout.Root, ReliabilityReport.RelativePath);
            ReliabilityReport.Write(path, report, $"{RunCommand} {scenario.Name} {arguments}".TrimEnd(), MachineInfo.Current(), order);
            Log($"Wrote the {scenario.Name} rows of {path}");
        }

        failed += report.Passed ? 0 : 1;
    }

    return failed == 0 ? 0 : 1;
}

static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
