using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Loads an XML answer as a tree only once a streaming pass has found it within
/// <see cref="InputLimits.MaxXmlDepth"/> and <see cref="InputLimits.MaxElements"/>: loading 200,000
/// nested elements overflowed the stack and killed the process, and 100,000 took 20 seconds (the
/// time grows with the square of the depth). The pass stops at the first element too deep, so a
/// refusal costs no more than reading that far.
/// </summary>
internal static class BoundedXml
{
    /// <summary>The document; refused, naming the line, when it is not well-formed XML or is over a limit.</summary>
    public static XDocument Load(string sourceFile, byte[] bytes)
    {
        // No DTDs, no external entities: the answer is data from the network. Invalid UTF-8 is
        // repaired and character references to lone surrogates or controls are let through
        // (CheckCharacters off): cleaning removes both, so broken text costs a character, not the answer.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = false };
        var repaired = TextRepair.Xml(bytes);
        try
        {
            using (var scan = XmlReader.Create(new MemoryStream(repaired), settings))
            {
                var elements = 0;
                while (scan.Read())
                {
                    if (scan.NodeType != XmlNodeType.Element) continue;
                    if (scan.Depth >= InputLimits.MaxXmlDepth)
                        throw Refused(sourceFile, scan, $"elements nested more than {InputLimits.MaxXmlDepth} deep, where an arXiv answer nests 4 deep; nothing was written");
                    if (++elements > InputLimits.MaxElements)
                        throw Refused(sourceFile, scan, $"more than {InputLimits.MaxElements.ToString("N0", CultureInfo.InvariantCulture)} elements, where an arXiv answer of 2,000 papers has about 60,000; nothing was written");
                }
            }
            using var reader = XmlReader.Create(new MemoryStream(repaired), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ContentException(new ContentProblem(sourceFile, e.LineNumber, $"not valid XML: {e.Message}"));
        }
    }

    private static ContentException Refused(string sourceFile, XmlReader at, string why) =>
        new(new ContentProblem(sourceFile, at is IXmlLineInfo info ? info.LineNumber : 0, why));
}
