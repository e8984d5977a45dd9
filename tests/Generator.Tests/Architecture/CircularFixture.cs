// Two folders made to depend on each other, and two that depend one way: what the folder rules must
// fail and pass. Block namespaces, as each stands for a folder of its own.

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
    public sealed record Room(string Name, Floors.Floor Floor);
}

namespace PaperTrail.Tests.Architecture.Fixtures.OneWay.Floors
{
    /// <summary>A floor, the lower folder.</summary>
    public sealed record Floor(int Level);
}
