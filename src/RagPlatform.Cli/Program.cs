using RagPlatform.Cli;

return await CliApplication.RunAsync(args, CliEnvironment.FromProcessConsole());
