using System.Runtime.CompilerServices;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Many tests wait on a task with a time limit (a fuzz case's hang guard, a server's answer), which
/// holds a pool thread; past its minimum the pool adds about one thread a second, so on a 2-core CI
/// runner unrelated work could wait seconds for a thread and a 0.1 s run could pass for a hang. The
/// generator in-process runs on the same pool, so the minimum is raised once, before any test.
/// </summary>
internal static class ThreadPoolMinimum
{
#pragma warning disable CA2255 // a module initializer in a test assembly: the one place that runs before every test
    [ModuleInitializer]
    internal static void Raise()
#pragma warning restore CA2255
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
