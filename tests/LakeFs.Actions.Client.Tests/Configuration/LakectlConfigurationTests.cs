using LakeFs.Actions.Client;

namespace LakeFs.Actions.Client.Tests.Configuration;

/// <summary>
/// lakectl settings that are present but empty or broken are errors naming them; absent settings, an empty file and
/// the settings of other tools in the file are not.
/// </summary>
public sealed class LakectlConfigurationTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("lakectl-config-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData(LakectlConfiguration.EndpointVariable)]
    [InlineData(LakectlConfiguration.AccessKeyIdVariable)]
    [InlineData(LakectlConfiguration.SecretAccessKeyVariable)]
    [InlineData(LakectlConfiguration.ConfigFileVariable)]
    public void A_variable_that_is_set_but_empty_is_an_error_naming_it(string variable)
    {
        foreach (var value in new[] { string.Empty, "  " })
        {
            var error = Assert.Throws<InvalidOperationException>(() => LakectlConfiguration.Load(name => name == variable ? value : null, _home));

            Assert.Equal($"{variable} is set but empty: give it a value, or unset it.", error.Message);
        }
    }

    [Theory]
    [InlineData("- a\n- b\n", "is not a YAML mapping")]
    [InlineData("just text\n", "is not a YAML mapping")]
    [InlineData("server: http://lakefs.example.com\n", "server in the lakectl configuration file")]
    [InlineData("credentials: [a, b]\n", "credentials in the lakectl configuration file")]
    [InlineData("server:\n  endpoint_url:\n", "server.endpoint_url in the lakectl configuration file")]
    [InlineData("server:\n  endpoint_url: \"\"\n", "server.endpoint_url in the lakectl configuration file")]
    [InlineData("credentials:\n  secret_access_key: {a: b}\n", "credentials.secret_access_key in the lakectl configuration file")]
    [InlineData("server: [\n", "is not valid YAML")]
    public void A_broken_file_is_an_error_naming_the_file_and_the_setting(string yaml, string message)
    {
        var file = WriteFile(yaml);

        var error = Assert.Throws<InvalidOperationException>(() => LakectlConfiguration.Load(_ => null, _home));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("metastore:\n  glue: x\nserver:\n  retries:\n    enabled: true\n")]
    public void An_empty_file_or_other_settings_configure_nothing(string yaml)
    {
        WriteFile(yaml);

        var configuration = LakectlConfiguration.Load(_ => null, _home);

        Assert.False(configuration.IsConfigured);
        Assert.Null(configuration.AccessKeyId);
    }

    [Fact]
    public void The_file_settings_are_read_beside_the_settings_of_other_tools()
    {
        WriteFile("server:\n  endpoint_url: https://lakefs.example.com\n  retries:\n    enabled: true\ncredentials:\n  access_key_id: AKIA\n  secret_access_key: SECRET\nmetastore: [x]\n");

        var configuration = LakectlConfiguration.Load(_ => null, _home);

        Assert.Equal(new Uri("https://lakefs.example.com"), configuration.EndpointUrl);
        Assert.Equal("AKIA", configuration.AccessKeyId);
        Assert.Equal("SECRET", configuration.SecretAccessKey);
    }

    private string WriteFile(string yaml)
    {
        var file = Path.Combine(_home, ".lakectl.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
