using RagPlatform.Web;

await RagPlatformWebApplication.Build(args).RunAsync();
