using System;
using System.IO;

namespace PromoEngine.Tests;

/// <summary>The repository the tests run from: README, schemas and samples are read from it.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PromoEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find PromoEngine.sln above the test binaries.");
    }
}
