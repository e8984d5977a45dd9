namespace PaperTrail.Site;

/// <summary>A theme asset: where it is published and its bytes.</summary>
internal sealed record AssetFile(string Path, byte[] Bytes);
