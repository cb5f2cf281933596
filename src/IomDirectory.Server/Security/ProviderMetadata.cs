using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IomDirectory.Server.Security;

/// <summary>
/// The provider's discovery document and signing keys (JWKS), cached: fetched on first use, again every
/// <see cref="OidcSettings.MetadataRefreshInterval"/> in the background, and when a token names an unknown key id,
/// at most once per <see cref="OidcSettings.KeyRefreshMinInterval"/>. Each fetch waits at most
/// <see cref="OidcSettings.DiscoveryTimeout"/> and reads at most <see cref="OidcSettings.MaxMetadataBytes"/>. Once keys
/// are known, a provider that goes down changes nothing (the keys in hand stay in use); before that, a failed fetch
/// makes tokens fail at once for <see cref="OidcSettings.RetryAfterFailure"/> instead of every call waiting on it.
/// Shared by bearer-token validation and web sign-in; no call ever waits on the provider once keys are cached.
/// </summary>
public sealed class ProviderMetadata : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _inner;
    private readonly HttpClient _http;
    private readonly Uri _authority;
    private readonly TimeSpan _retryAfterFailure;
    private OpenIdConnectConfiguration? _known;
    private long _failedUntil;
    private string _lastFailure = "";

    public ProviderMetadata(OidcSettings settings)
    {
        _authority = settings.AuthorityUri();
        _retryAfterFailure = settings.RetryAfterFailure;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = settings.DiscoveryTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = settings.DiscoveryTimeout,
            MaxResponseContentBufferSize = settings.MaxMetadataBytes,
        };
        var address = _authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";
        _inner = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(_http) { RequireHttps = _authority.Scheme == Uri.UriSchemeHttps })
        {
            AutomaticRefreshInterval = settings.MetadataRefreshInterval,
            RefreshInterval = settings.KeyRefreshMinInterval,
        };
    }

    /// <summary>The HTTP client metadata is fetched with (bounded); web sign-in talks to the token endpoint with it too.</summary>
    public HttpClient Http => _http;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_known is null && Environment.TickCount64 < Interlocked.Read(ref _failedUntil))
            throw new ProviderUnavailableException(_lastFailure);
        try
        {
            var configuration = await _inner.GetConfigurationAsync(cancel);
            if (!SameIssuer(configuration.Issuer))
                throw new ProviderUnavailableException($"the identity provider's discovery document names the issuer '{configuration.Issuer}', " +
                                                       $"not the configured authority '{_authority}' (--Oidc:Authority must be the issuer exactly)");
            return _known = configuration;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            if (_known is { } kept) return kept;
            _lastFailure = ex is ProviderUnavailableException p ? p.Message : $"the identity provider at {_authority} cannot be reached to get its signing keys ({Why(ex)})";
            Interlocked.Exchange(ref _failedUntil, Environment.TickCount64 + (long)_retryAfterFailure.TotalMilliseconds);
            throw new ProviderUnavailableException(_lastFailure, ex);
        }
    }

    public void RequestRefresh() => _inner.RequestRefresh();

    /// <summary>What went wrong, in words safe to send back: a timeout, or the HTTP failure's own message.</summary>
    private string Why(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is TaskCanceledException or TimeoutException)
                return $"no answer within {_http.Timeout.TotalSeconds:0.#} s";
            if (e is HttpRequestException http)
                return http.StatusCode is { } status ? $"HTTP {(int)status}" : http.Message;
        }
        return "its discovery document or keys could not be read";
    }

    private bool SameIssuer(string issuer) =>
        string.Equals(issuer.TrimEnd('/'), _authority.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
        || string.Equals(issuer.TrimEnd('/'), _authority.OriginalString.TrimEnd('/'), StringComparison.Ordinal);

    public void Dispose() => _http.Dispose();
}

/// <summary>The provider's metadata or keys cannot be had; the message is safe to send back.</summary>
public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
