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
    public static IServiceCollection AddDirectorySecurity(this IServiceCollection services, IConfiguration configuration, ServerSettings settings)
    {
        var jwt = configuration.GetSection("Jwt").Get<JwtSettings>() ?? new JwtSettings();
        var key = IomDirectory.Security.SigningKey.Resolve(jwt.SigningKey, jwt.KeyFile(settings.DatabasePath));
        services.AddSingleton(jwt);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
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
