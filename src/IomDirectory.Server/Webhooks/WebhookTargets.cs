namespace IomDirectory.Server.Webhooks;

/// <summary>
/// Whether a subscriber URL is one the operator allows: absolute, an allowed scheme, an allowed host, no user
/// information. Checked when a subscriber is registered and again before every delivery (the operator may have
/// narrowed the list since). Redirects are never followed, so an allowed host cannot bounce a delivery elsewhere.
/// </summary>
public sealed class WebhookTargets(WebhookOptions options)
{
    /// <summary>Why the URL is refused, or null when it is allowed.</summary>
    public string? Refusal(string url)
    {
        if (url.Length > WebhookOptions.MaxUrlLength) return $"must be at most {WebhookOptions.MaxUrlLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "must be an absolute URL";
        if (!options.AllowedSchemes.Contains(uri.Scheme))
            return $"the scheme '{uri.Scheme}' is not allowed (allowed: {string.Join(", ", options.AllowedSchemes)}; --Webhooks:AllowedSchemes)";
        if (uri.UserInfo.Length > 0) return "must not carry a user name or password (use the signature to authenticate deliveries)";
        if (uri.Fragment.Length > 0) return "must not have a fragment";
        if (options.AllowedHosts.Count == 0) return "no webhook hosts are allowed on this server (the operator lists them with --Webhooks:AllowedHosts)";
        if (!HostAllowed(uri.IdnHost.ToLowerInvariant()))
            return $"the host '{uri.Host}' is not among the hosts the operator allows (--Webhooks:AllowedHosts)";
        return null;
    }

    private bool HostAllowed(string host)
    {
        foreach (var allowed in options.AllowedHosts)
        {
            if (allowed == host) return true;
            if (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.Ordinal) && host.Length > allowed.Length - 1)
                return true;
        }
        return false;
    }
}
