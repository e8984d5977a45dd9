namespace PaperTrail.Site;

/// <summary>A theme asset: where it is published and its bytes.</summary>
public sealed record AssetFile(string Path, byte[] Bytes);
