using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace RagPlatform.SampleCorpus.Formats.Docx;

/// <summary>
/// Writes the core properties to /docProps/core.xml, where Word itself keeps them. Setting PackageProperties
/// instead would store them under a random "package/services/metadata/...psmdcp" name on every run.
/// </summary>
internal static class DocxCoreProperties
{
    private static readonly XNamespace CoreNamespace = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static void Write(WordprocessingDocument package, string title, string creator)
    {
        var properties = new XDocument(new XElement(
            CoreNamespace + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", CoreNamespace),
            new XAttribute(XNamespace.Xmlns + "dc", DublinCore),
            new XElement(DublinCore + "title", title),
            new XElement(DublinCore + "creator", creator)));

        using var stream = package.AddCoreFilePropertiesPart().GetStream(FileMode.Create, FileAccess.Write);
        properties.Save(stream);
    }
}
