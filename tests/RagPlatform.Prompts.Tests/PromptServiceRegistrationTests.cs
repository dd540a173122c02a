using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Prompts.DependencyInjection;
using RagPlatform.Prompts.Tests.Support;

namespace RagPlatform.Prompts.Tests;

public sealed class PromptServiceRegistrationTests
{
    [Fact]
    public async Task Registers_the_library_from_the_configured_directory_and_the_composer()
    {
        using var temporary = new TemporaryLibrary();
        using var provider = new ServiceCollection()
            .AddPromptLibrary(options => options.Directory = temporary.Root)
            .BuildServiceProvider();

        var library = provider.GetRequiredService<PromptLibrary>();
        var composer = provider.GetRequiredService<PromptComposer>();

        Assert.Equal(temporary.Root, library.Directory);
        Assert.Same(library, provider.GetRequiredService<PromptLibrary>());
        Assert.Same(composer, provider.GetRequiredService<PromptComposer>());
        Assert.NotEmpty(await composer.ComposeSystemPromptAsync(new PromptSelection()));
    }

    [Fact]
    public void Default_options_find_the_library_copied_beside_the_application()
    {
        using var provider = new ServiceCollection().AddPromptLibrary().BuildServiceProvider();

        var library = provider.GetRequiredService<PromptLibrary>();

        var inCurrentDirectory = Path.Combine(Environment.CurrentDirectory, "prompts");
        Assert.Equal(Directory.Exists(inCurrentDirectory) ? inCurrentDirectory : ShippedLibrary.Location, library.Directory);
        Assert.True(File.Exists(Path.Combine(ShippedLibrary.Location, "defaults.yaml")), "The build did not copy prompts/ beside the binaries.");
    }

    [Fact]
    public void A_missing_library_fails_with_the_paths_that_were_tried()
    {
        using var provider = new ServiceCollection()
            .AddPromptLibrary(options => options.Directory = "no-such-prompts-folder")
            .BuildServiceProvider();

        var error = Assert.Throws<PromptLibraryException>(() => provider.GetRequiredService<PromptComposer>());

        Assert.Contains(Path.Combine(Environment.CurrentDirectory, "no-such-prompts-folder"), error.Message);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "no-such-prompts-folder"), error.Message);
    }

    [Fact]
    public void A_relative_directory_is_looked_up_in_the_current_directory_first_then_beside_the_application()
    {
        var root = Path.Combine(Path.GetTempPath(), "ragp-resolve-" + Guid.NewGuid().ToString("N"));
        var current = Directory.CreateDirectory(Path.Combine(root, "current")).FullName;
        var application = Directory.CreateDirectory(Path.Combine(root, "app")).FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(application, "prompts"));
            Assert.Equal(Path.Combine(application, "prompts"), PromptDirectoryResolver.Resolve("prompts", current, application));

            Directory.CreateDirectory(Path.Combine(current, "prompts"));
            Assert.Equal(Path.Combine(current, "prompts"), PromptDirectoryResolver.Resolve("prompts", current, application));

            Assert.Equal(Path.Combine(root, "elsewhere"), PromptDirectoryResolver.Resolve(Path.Combine(root, "elsewhere"), current, application));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
