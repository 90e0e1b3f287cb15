using PolicingHub.Runtime.Storage.InMemory;

namespace PolicingHub.Runtime.Tests.Storage;

public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    protected override StoreUnderTest CreateStore()
    {
        var store = new InMemoryStore();
        return new StoreUnderTest(store, store, store, store);
    }
}
