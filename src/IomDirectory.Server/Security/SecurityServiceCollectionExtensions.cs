using IomDirectory.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Security;

/// <summary>
/// JWT bearer authentication. The middleware only authenticates (it never challenges): each call decides from the
/// caller whether to answer UNAUTHENTICATED or PERMISSION_DENIED as gRPC statuses.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddDirectorySecurity(this IServiceCollection services, IConfiguration configuration, ServerSettings settings)
    {
        var jwt = configuration.GetSection("Jwt").Get<JwtSettings>() ?? new JwtSettings();
        var key = IomDirectory.Security.SigningKey.Resolve(jwt.SigningKey, jwt.KeyFile(settings.Database.LocalFolder));
        services.AddSingleton(jwt);
        // No default scheme (not even the single registered one, which ASP.NET Core would otherwise make the default):
        // the authentication middleware it adds then does nothing per request, and a call that carries a token is
        // authenticated by the RPC layer (RpcPipeline) with this scheme, by name. Measured in bench/ (wire).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "name",
                RoleClaimType = "role",
                RequireExpirationTime = true,
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = context => TokenLifetime.Check(context, jwt.MaxTokenLifetime) };
        });
        return services;
    }
}
