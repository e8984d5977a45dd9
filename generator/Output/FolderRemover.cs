namespace PaperTrail.Output;

/// <summary>
/// Deletes a folder of many files with several threads. Freeing a file that was written out to disk
/// is mostly waiting (on this project's ext4 build machine, about 0.1 ms per file), and the waits of
/// several deletions overlap: 800 replaced pages go in a third of the time one thread takes.
/// </summary>
internal static class FolderRemover
{
    private const int Threads = 8;

    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder)) return;
        var files = Directory.GetFiles(folder);
        if (files.Length > Threads)
        {
            // Threads of their own: they block, and the thread pool would be slow to add more of its own.
            var workers = Enumerable.Range(0, Threads).Select(k => new Thread(() =>
            {
                for (var i = k; i < files.Length; i += Threads)
                {
                    try { File.Delete(files[i]); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // left for the delete below to report
                }
            })
            { IsBackground = true, Name = "delete" }).ToList();
            foreach (var worker in workers) worker.Start();
            foreach (var worker in workers) worker.Join();
        }
        Directory.Delete(folder, recursive: true);
    }
}
