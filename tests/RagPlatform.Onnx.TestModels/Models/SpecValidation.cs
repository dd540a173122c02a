namespace RagPlatform.Onnx.TestModels;

internal static class SpecValidation
{
    public static void RequirePositive(string specName, params (string Name, int Value)[] fields)
    {
        foreach (var (name, value) in fields.Where(field => field.Value <= 0))
        {
            throw new ArgumentException($"{specName}.{name} must be positive, got {value}.");
        }
    }

    public static void RequireDivisible(string specName, (string Name, int Value) dividend, (string Name, int Value) divisor)
    {
        if (dividend.Value % divisor.Value != 0)
        {
            throw new ArgumentException(
                $"{specName}.{dividend.Name} ({dividend.Value}) must be divisible by {specName}.{divisor.Name} ({divisor.Value}).");
        }
    }
}
