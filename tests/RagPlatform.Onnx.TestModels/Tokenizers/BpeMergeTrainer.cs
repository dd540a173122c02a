namespace RagPlatform.Onnx.TestModels;

/// <summary>A BPE merge (left + right), in the order the tokenizer applies merges.</summary>
internal readonly record struct BpeMerge(string Left, string Right)
{
    public string Merged => Left + Right;
}

/// <summary>
/// Classic BPE training on a word list: repeatedly merge the most frequent adjacent symbol pair (ties broken by
/// ordinal order, so the result is deterministic) until the budget of new tokens is spent or every word is one symbol.
/// </summary>
internal static class BpeMergeTrainer
{
    public static IReadOnlyList<BpeMerge> Train(IEnumerable<IReadOnlyList<string>> words, int newTokenBudget)
    {
        var symbolsPerWord = words.Select(word => word.ToList()).ToList();
        var known = symbolsPerWord.SelectMany(symbols => symbols).ToHashSet(StringComparer.Ordinal);
        var merges = new List<BpeMerge>();
        var newTokens = 0;
        while (newTokens < newTokenBudget && MostFrequentPair(symbolsPerWord) is { } merge)
        {
            symbolsPerWord.ForEach(symbols => ApplyMerge(symbols, merge));
            merges.Add(merge);
            if (known.Add(merge.Merged))
            {
                newTokens++;
            }
        }

        return merges;
    }

    private static BpeMerge? MostFrequentPair(List<List<string>> symbolsPerWord)
    {
        var counts = new Dictionary<BpeMerge, int>();
        foreach (var symbols in symbolsPerWord)
        {
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                var pair = new BpeMerge(symbols[i], symbols[i + 1]);
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }
        }

        return counts.Count == 0
            ? null
            : counts
                .OrderByDescending(entry => entry.Value)
                .ThenBy(entry => entry.Key.Left, StringComparer.Ordinal)
                .ThenBy(entry => entry.Key.Right, StringComparer.Ordinal)
                .First().Key;
    }

    private static void ApplyMerge(List<string> symbols, BpeMerge merge)
    {
        for (var i = 0; i + 1 < symbols.Count; i++)
        {
            if (symbols[i] == merge.Left && symbols[i + 1] == merge.Right)
            {
                symbols[i] = merge.Merged;
                symbols.RemoveAt(i + 1);
            }
        }
    }
}
