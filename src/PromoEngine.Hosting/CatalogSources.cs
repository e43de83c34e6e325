using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PromoEngine.Hosting;

/// <summary>Where a host's promotion catalog comes from: a JSON document read again and again, so that a change is
/// picked up while the host runs.</summary>
public interface IPromotionCatalogSource
{
    /// <summary>Gets a name for the log: a file path, a table.</summary>
    /// <value>Never empty.</value>
    string Name { get; }

    /// <summary>Reads the whole catalog document as it is now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The JSON document.</returns>
    /// <remarks>A read that throws (other than for cancellation) is logged and the catalog in use is kept.</remarks>
    ValueTask<string> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>A catalog in a JSON file. A file caught half-written does not load and is read again at the next
/// interval, so an editor's save, or a deployment that copies the file, never puts half a catalog in use.</summary>
/// <param name="path">The file.</param>
public sealed class JsonFileCatalogSource(string path) : IPromotionCatalogSource
{
    /// <summary>Gets the file's full path.</summary>
    /// <value>As given, made absolute.</value>
    public string Path { get; } = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));

    /// <inheritdoc/>
    public string Name => Path;

    /// <inheritdoc/>
    public async ValueTask<string> ReadAsync(CancellationToken cancellationToken)
    {
        // Shared for writing and deleting, so an editor or a deployment is never blocked by the host.
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A catalog read by a function: a query of a database table that holds the document, a configuration
/// service, a blob.</summary>
/// <param name="name">A name for the log.</param>
/// <param name="read">Reads the document.</param>
public sealed class DelegateCatalogSource(string name, Func<CancellationToken, ValueTask<string>> read) : IPromotionCatalogSource
{
    private readonly Func<CancellationToken, ValueTask<string>> _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <inheritdoc/>
    public string Name { get; } = string.IsNullOrEmpty(name) ? throw new ArgumentException("A catalog source needs a name.", nameof(name)) : name;

    /// <inheritdoc/>
    public ValueTask<string> ReadAsync(CancellationToken cancellationToken) => _read(cancellationToken);
}
