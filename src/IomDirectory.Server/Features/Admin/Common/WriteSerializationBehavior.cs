using MediatR;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>Holds the <see cref="WriteGate"/> around validation and handling of every write.</summary>
public sealed class WriteSerializationBehavior<TRequest, TResponse>(WriteGate gate) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IWriteCommand)
            return await next();
        using (await gate.EnterAsync(cancellationToken))
            return await next();
    }
}
