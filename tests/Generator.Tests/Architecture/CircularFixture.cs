// Two folders made to depend on each other, and two that depend one way (one with a subfolder that
// knows it back): what the folder rules must fail and pass. Block namespaces, as each stands for a folder of its own.

namespace PaperTrail.Tests.Architecture.Fixtures.Circular.Rooms
{
    /// <summary>A room that knows its floor…</summary>
    public sealed record Room(string Name, Floors.Floor Floor);
}

namespace PaperTrail.Tests.Architecture.Fixtures.Circular.Floors
{
    /// <summary>…on a floor that lists its rooms: a circle between two folders.</summary>
    public sealed record Floor(int Level, IReadOnlyList<Rooms.Room> Rooms);
}

namespace PaperTrail.Tests.Architecture.Fixtures.OneWay.Rooms
{
    /// <summary>A room that knows its floor, on a floor that knows nothing of rooms: one way down.</summary>
    public sealed record Room(string Name, Floors.Floor Floor, IReadOnlyList<Furniture.Chair> Chairs);
}

namespace PaperTrail.Tests.Architecture.Fixtures.OneWay.Rooms.Furniture
{
    /// <summary>A chair that knows its room, which lists its chairs: a subfolder is part of its folder, not a circle.</summary>
    public sealed record Chair(Rooms.Room Room);
}

namespace PaperTrail.Tests.Architecture.Fixtures.OneWay.Floors
{
    /// <summary>A floor, the lower folder.</summary>
    public sealed record Floor(int Level);
}
