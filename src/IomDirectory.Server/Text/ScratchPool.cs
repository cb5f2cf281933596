using Microsoft.Extensions.ObjectPool;

namespace IomDirectory.Server.Text;

/// <summary>
/// Pools of per-call scratch space (score arrays as long as an index has documents), so a query neither allocates
/// them nor shares them with a concurrent query. A pool keeps as many as calls can really run at once, a few per core.
/// </summary>
public static class ScratchPool
{
    public static ObjectPool<T> Create<T>(Func<T> create) where T : class =>
        new DefaultObjectPool<T>(new Policy<T>(create), Environment.ProcessorCount * 2);

    private sealed class Policy<T>(Func<T> create) : PooledObjectPolicy<T> where T : class
    {
        public override T Create() => create();

        public override bool Return(T obj) => true;
    }
}
