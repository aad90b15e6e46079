using Grpc.AspNetCore.Server;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Auth;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Models;

namespace LogisticsLink.Server.Support;

/// <summary>
/// The support desk's wiring: its services, gRPC JSON transcoding (the google.api.http routes of the contract,
/// served on the HTTP/1.1 Web endpoint like every HTTP route) and the OpenAPI document at <see cref="OpenApiPath"/>.
/// </summary>
public static class SupportRegistration
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddSupportDesk(this IServiceCollection services, IGrpcServerBuilder grpc)
    {
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidation>();
        services.AddSingleton<ISupportStore>(sp => (ISupportStore)sp.GetRequiredService<IShipmentStore>());
        services.AddSingleton<InquiryResolver>();
        services.AddSingleton<ReplyDesk>();
        services.AddSingleton<EvidenceDesk>();
        services.AddSingleton<OpenClaims>();
        // BadRequest details travel in error bodies: the transcoder must know the type to write them as JSON.
        grpc.AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor))
            .AddServiceOptions<SupportGrpcService>(o => o.Interceptors.Add<ApiKeyInterceptor>());
        services.AddGrpcSwagger();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "LogisticsLink HTTP/JSON API",
                Version = "v1",
                Description = "The gRPC contract's HTTP routes (gRPC JSON transcoding). Send `Authorization: Bearer <api key>`.",
            });
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" });
            o.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "Bearer" } }] = [],
            });
        });
        return services;
    }

    public static WebApplication MapSupportDesk(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.UseMiddleware<TranscodedJsonFields>();
        app.MapGrpcService<SupportGrpcService>();
        return app;
    }
}
