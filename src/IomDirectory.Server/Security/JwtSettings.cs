namespace IomDirectory.Server.Security;

/// <summary>
/// The local key (configuration section <c>Jwt</c>): issuer, audience and the HMAC signing key of the tokens
/// <c>iomdir token</c> mints, the embedded default for a laptop and the tests. Without a configured key the server
/// uses (and on first start creates) a local key file beside its database. With an identity provider configured
/// (<see cref="OidcSettings"/>) both are accepted unless <c>--Jwt:Enabled=false</c> turns the local key off.
/// </summary>
public sealed class JwtSettings
{
    /// <summary>Whether tokens signed with the local key are accepted (default true; false needs --Oidc:Authority).</summary>
    public bool Enabled { get; set; } = true;

    public string Issuer { get; set; } = IomDirectory.Security.LocalDefaults.Issuer;
    public string Audience { get; set; } = IomDirectory.Security.LocalDefaults.Audience;

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes). Empty: use <see cref="SigningKeyFile"/>.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Path of the local key file; empty: the key file beside the SQLite database, or in the user's local data folder
    /// with PostgreSQL (replicas must share one key: configure <see cref="SigningKey"/> or this file for all of them).
    /// </summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>
    /// The longest lifetime (exp − iat) a token may have (<c>--Jwt:MaxTokenLifetime</c>, default 24 h); a token without
    /// iat or exp is refused. A stolen token is then worth a day at most.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = IomDirectory.Security.LocalDefaults.MaxTokenLifetime;

    /// <summary>When true, directory reads need a token with the reader role too (default: anonymous reads).</summary>
    public bool RequireReaderRole { get; set; }

    public string KeyFile(string localFolder) =>
        SigningKeyFile.Length > 0 ? Path.GetFullPath(SigningKeyFile) : Path.Combine(localFolder, IomDirectory.Security.LocalDefaults.KeyFileName);
}
