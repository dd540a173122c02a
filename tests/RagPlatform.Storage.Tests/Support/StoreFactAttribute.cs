namespace RagPlatform.Storage.Contract;

/// <summary>A fact of the shared store contract; the embedded store is always available, so it always runs here.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
