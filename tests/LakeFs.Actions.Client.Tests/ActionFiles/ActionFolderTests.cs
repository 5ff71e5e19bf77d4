using System.Text;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>A folder as lakeFS loads it: every entry, path order, rule 11, subfolders, the abort text.</summary>
public class ActionFolderTests
{
    private static ActionFileSource File(string name, string yaml) => new("_lakefs_actions/" + name, Encoding.UTF8.GetBytes(yaml));

    private static string Action(string name, string on = "pre-commit:") => $"name: {name}\non:\n  {on}\n";

    [Fact]
    public void Every_entry_is_an_action_file_whatever_its_name()
    {
        var result = new ActionFileValidator().ValidateFolder([File("check.yaml", Action("Check")), File("README.md", "# Hooks\nSee the wiki.\n"), File(".keep", string.Empty)]);
        Assert.Equal(["_lakefs_actions/.keep", "_lakefs_actions/README.md", "_lakefs_actions/check.yaml"], result.Files.Select(f => f.Path));
        Assert.Equal(
            "2 errors occurred:\n\t* parsing file _lakefs_actions/.keep: 'name' is required: invalid action\n" +
            "\t* parsing file _lakefs_actions/README.md: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `See the...` into actions.Action\n\n",
            result.LoadError);
        Assert.Equal(500, result.LoadErrorStatusCode);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void One_broken_file_is_a_one_error_multierror()
    {
        var result = new ActionFileValidator().ValidateFolder([File("a.yaml", Action("Alpha")), File("b.yaml", "name: Beta\n")]);
        Assert.Equal("1 error occurred:\n\t* parsing file _lakefs_actions/b.yaml: 'on' is required: invalid action\n\n", result.LoadError);
    }

    [Fact]
    public void Rule_11_duplicate_names_across_files_is_not_multierror_wrapped()
    {
        var result = new ActionFileValidator().ValidateFolder([File("b.yaml", Action("Same")), File("a.yaml", Action("Same")), File("c.yaml", Action("Other"))]);
        Assert.Equal("action name 'Same' already loaded: invalid action", result.LoadError);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("_lakefs_actions/b.yaml", diagnostic.File);
        Assert.Equal(ActionRules.ActionNameDuplicate, diagnostic.Rule);
        Assert.Equal(new SourcePosition(1, 7), diagnostic.Position);
    }

    [Fact]
    public void A_subfolder_fails_loading_with_not_found()
    {
        var result = new ActionFileValidator().ValidateFolder([File("a.yaml", Action("Alpha")), ActionFileSource.ForFolder("_lakefs_actions/sub/")]);
        Assert.Equal("1 error occurred:\n\t* loading file _lakefs_actions/sub/: not found\n\n", result.LoadError);
        Assert.Equal(404, result.LoadErrorStatusCode);
        Assert.Equal(ActionRules.Subfolder, Assert.Single(result.Diagnostics).Rule);
    }

    [Fact]
    public void A_valid_folder_loads_its_actions_in_ordinal_path_order()
    {
        var result = new ActionFileValidator().ValidateFolder([File("b.yaml", Action("Beta")), File("B.yaml", Action("Upper")), File("a.yaml", Action("Alpha"))]);
        Assert.Null(result.LoadError);
        Assert.Equal(0, result.LoadErrorStatusCode);
        Assert.Equal(["Upper", "Alpha", "Beta"], result.Actions.Select(a => a.Name));
    }

    [Fact]
    public void Warnings_do_not_stop_loading()
    {
        var result = new ActionFileValidator().ValidateFolder([File("a.yaml", "name: Alpha\non:\n  pre-commit:\n    branch: [main]\n")]);
        Assert.False(result.HasErrors);
        Assert.Equal(1, result.WarningCount);
        Assert.Single(result.Actions);
    }

    [Fact]
    public void A_local_directory_is_read_like_a_ref()
    {
        var directory = Directory.CreateTempSubdirectory("i22-actions-");
        try
        {
            System.IO.File.WriteAllText(Path.Combine(directory.FullName, "check.yaml"), Action("Check"));
            System.IO.File.WriteAllText(Path.Combine(directory.FullName, "notes.txt"), "just notes");
            System.IO.File.WriteAllText(Path.Combine(directory.FullName, ".keep"), string.Empty);
            Directory.CreateDirectory(Path.Combine(directory.FullName, "scripts"));
            var result = new ActionFileValidator().ValidateDirectory(directory.FullName);
            Assert.Equal(4, result.Files.Count);
            Assert.Contains(result.Diagnostics, d => d.Rule == ActionRules.NameRequired && d.File.EndsWith("/.keep", StringComparison.Ordinal));
            Assert.Equal(404, result.LoadErrorStatusCode);
            Assert.Contains(result.Diagnostics, d => d.Rule == ActionRules.Subfolder && d.File.EndsWith("/scripts/", StringComparison.Ordinal));
            Assert.Contains(result.Diagnostics, d => d.Rule == ActionRules.YamlShape && d.File.EndsWith("/notes.txt", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_directory_is_a_clear_exception()
    {
        var exception = Assert.Throws<DirectoryNotFoundException>(() => new ActionFileValidator().ValidateDirectory("/nonexistent/i22/_lakefs_actions"));
        Assert.Contains("/nonexistent/i22/_lakefs_actions", exception.Message, StringComparison.Ordinal);
    }
}
