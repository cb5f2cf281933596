using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace IomDirectory.Server.Web;

/// <summary>
/// The page's one stylesheet, embedded in the server: served under a fingerprinted URL (<c>/static/site.HASH.css</c>),
/// compressed once at start (Brotli and gzip), cached by browsers for a year as immutable, with an ETag.
/// </summary>
public sealed class WebAssets
{
    private readonly byte[] _plain;
    private readonly byte[] _brotli;
    private readonly byte[] _gzip;
    private readonly string _etag;

    public WebAssets()
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("IomDirectory.Server.Web.site.css")
                           ?? throw new InvalidOperationException("The embedded stylesheet is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        _plain = buffer.ToArray();
        var hash = Convert.ToHexString(SHA256.HashData(_plain))[..12].ToLowerInvariant();
        StylesheetUrl = $"/static/site.{hash}.css";
        _etag = $"\"{hash}\"";
        _brotli = Compress(s => new BrotliStream(s, CompressionLevel.SmallestSize));
        _gzip = Compress(s => new GZipStream(s, CompressionLevel.SmallestSize));
    }

    public string StylesheetUrl { get; }

    public int UncompressedSize => _plain.Length;

    public IResult Stylesheet(HttpContext http, string hash)
    {
        if ($"/static/site.{hash}.css" != StylesheetUrl) return Results.NotFound();
        var response = http.Response;
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.ETag = _etag;
        response.Headers.Vary = "Accept-Encoding";
        if (http.Request.Headers.IfNoneMatch == _etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepted.Contains("br", StringComparison.Ordinal) ? (_brotli, "br")
            : accepted.Contains("gzip", StringComparison.Ordinal) ? (_gzip, "gzip") : (_plain, null);
        if (encoding is not null) response.Headers.ContentEncoding = encoding;
        return Results.Bytes(body, "text/css; charset=utf-8");
    }

    private byte[] Compress(Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output)) compressing.Write(_plain);
        return output.ToArray();
    }
}
