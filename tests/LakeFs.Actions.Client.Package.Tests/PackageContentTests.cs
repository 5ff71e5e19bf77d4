using System.IO.Compression;
using System.Xml.Linq;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>What a user sees on the package page and gets in the package.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageContentTests(PackedPackages packages)
{
    [Theory]
    [InlineData(PackedPackages.ClientId)]
    [InlineData(PackedPackages.TestingId)]
    [InlineData(PackedPackages.WebhooksId)]
    public void Package_has_license_readme_repository_and_xml_docs(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackageFile(id));
        var metadata = Metadata(package);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.Equal("Apache-2.0", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);

        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.True(File.Exists(packages.PackageFile(id, "snupkg")), $"{id} has no symbols package");
    }

    [Fact]
    public void Client_package_ships_the_openapi_document_and_documents_the_public_surface()
    {
        using var package = ZipFile.OpenRead(packages.PackageFile(PackedPackages.ClientId));

        var document = package.GetEntry("openapi/lakefs-actions.yaml");
        Assert.NotNull(document);
        using (var reader = new StreamReader(document.Open()))
        {
            var text = reader.ReadToEnd();
            Assert.Contains("listRepositoryRuns", text, StringComparison.Ordinal);
            Assert.Contains("skipped", text, StringComparison.Ordinal);
        }

        using var docs = new StreamReader(package.GetEntry($"lib/net10.0/{PackedPackages.ClientId}.xml")!.Open());
        var members = XDocument.Load(docs).Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet();
        Assert.Contains("T:LakeFs.Actions.Client.ILakeFsActionsClient", members);
        Assert.Contains("P:LakeFs.Actions.Client.ActionRun.RunId", members);
        Assert.Contains("T:LakeFs.Actions.Client.LakeFsApiException", members);
    }

    [Fact]
    public void Testing_package_depends_on_the_client_package_of_the_same_version()
    {
        using var package = ZipFile.OpenRead(packages.PackageFile(PackedPackages.TestingId));

        var dependencies = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var client = Assert.Single(dependencies, d => d.Attribute("id")?.Value == PackedPackages.ClientId);
        Assert.Equal(packages.Version, client.Attribute("version")?.Value);
        Assert.Contains(Metadata(package).Descendants(), e => e.Name.LocalName == "frameworkReference"
            && e.Attribute("name")?.Value == "Microsoft.AspNetCore.App");
    }

    [Fact]
    public void Webhooks_package_references_ASP_NET_Core_and_the_client_package_does_not()
    {
        using var webhooks = ZipFile.OpenRead(packages.PackageFile(PackedPackages.WebhooksId));
        using var client = ZipFile.OpenRead(packages.PackageFile(PackedPackages.ClientId));

        Assert.Contains(Metadata(webhooks).Descendants(), e => e.Name.LocalName == "frameworkReference"
            && e.Attribute("name")?.Value == "Microsoft.AspNetCore.App");
        Assert.DoesNotContain(Metadata(client).Descendants(), e => e.Name.LocalName == "frameworkReference");
        Assert.DoesNotContain(Metadata(client).Descendants().Where(e => e.Name.LocalName == "dependency"),
            d => d.Attribute("id")!.Value.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_package_does_not_leak_build_only_dependencies()
    {
        using var package = ZipFile.OpenRead(packages.PackageFile(PackedPackages.ClientId));

        var ids = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Contains("Newtonsoft.Json", ids);
        Assert.Contains("Microsoft.Extensions.Http", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("NSwag", StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
