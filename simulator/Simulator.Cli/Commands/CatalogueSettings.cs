using System.ComponentModel;
using Simulator.Core.Catalogue;
using Simulator.Scenarios.Catalogue;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>Options shared by every command that reads the law: which instrument catalogue to use.</summary>
public class CatalogueSettings : CommandSettings
{
    [CommandOption("--catalogue <FILE>")]
    [Description("Use this instrument catalogue instead of the shipped scenarios/catalogue/instruments.yaml")]
    public string? Catalogue { get; init; }

    public InstrumentCatalogue LoadCatalogue() => Catalogue is null ? CatalogueLoader.Shipped : CatalogueLoader.Load(Catalogue);

    /// <summary>The catalogue's text, which a record pins as the law it was made under.</summary>
    public string CatalogueText() => Catalogue is null ? CatalogueLoader.ShippedText : Simulator.Scenarios.Yaml.YamlFile.Read(Catalogue, "the catalogue");
}
