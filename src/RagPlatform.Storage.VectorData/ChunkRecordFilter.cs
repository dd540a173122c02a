using System.Linq.Expressions;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// Translates a VectorData filter over <see cref="RagChunkRecord"/> into the store's <see cref="SearchFilter"/>.
/// The store filters by document, tag and metadata only, so only conditions on those translate.
/// </summary>
internal static class ChunkRecordFilter
{
    public const string SupportedForms =
        "r => r.DocumentId == id, r => ids.Contains(r.DocumentId), r => r.Tags.Contains(tag), " +
        "r => r.Metadata[key] == value, and && combinations of these (values may be constants or captured variables)";

    /// <returns>Null when <paramref name="filter"/> is null or does not restrict anything.</returns>
    /// <exception cref="NotSupportedException">The filter uses a form the store cannot evaluate.</exception>
    public static SearchFilter? Translate(Expression<Func<RagChunkRecord, bool>>? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var builder = new Builder(filter.Parameters[0]);
        builder.Add(filter.Body);
        return builder.Build();
    }

    /// <summary>Whether a document passes <paramref name="filter"/>, for reads that list documents rather than search.</summary>
    public static bool Matches(DocumentInfo document, SearchFilter? filter) =>
        filter is null
        || ((filter.DocumentIds?.Contains(document.Id) ?? true)
            && (filter.Tags?.All(document.Tags.Contains) ?? true)
            && (filter.Metadata?.All(required => document.Metadata.TryGetValue(required.Key, out var value) && value == required.Value) ?? true));

    private sealed class Builder(ParameterExpression record)
    {
        private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
        private HashSet<string>? _documentIds;

        public void Add(Expression condition)
        {
            switch (condition)
            {
                case BinaryExpression { NodeType: ExpressionType.AndAlso } both:
                    Add(both.Left);
                    Add(both.Right);
                    return;
                case ConstantExpression { Value: true }:
                    return;
                case BinaryExpression { NodeType: ExpressionType.Equal } equal
                    when TryAddEquality(equal.Left, equal.Right) || TryAddEquality(equal.Right, equal.Left):
                    return;
                case MethodCallExpression call when TryAddContains(call):
                    return;
                default:
                    throw new NotSupportedException(
                        $"The filter condition '{condition}' cannot be run by the RagPlatform chunk store. Supported forms: {SupportedForms}.");
            }
        }

        public SearchFilter? Build()
        {
            if (_documentIds is null && _tags.Count == 0 && _metadata.Count == 0)
            {
                return null;
            }

            return new SearchFilter(
                _documentIds?.ToArray(),
                _tags.Count == 0 ? null : _tags.ToArray(),
                _metadata.Count == 0 ? null : _metadata);
        }

        private bool TryAddEquality(Expression recordSide, Expression valueSide)
        {
            if (!IsIndependentOfRecord(valueSide))
            {
                return false;
            }

            if (IsRecordMember(recordSide, nameof(RagChunkRecord.DocumentId)))
            {
                RestrictDocuments([Evaluate<string>(valueSide)]);
                return true;
            }

            if (recordSide is MethodCallExpression { Method.Name: "get_Item", Object: { } dictionary, Arguments: [var key] }
                && IsRecordMember(dictionary, nameof(RagChunkRecord.Metadata))
                && IsIndependentOfRecord(key))
            {
                RequireMetadata(Evaluate<string>(key), Evaluate<string>(valueSide));
                return true;
            }

            return false;
        }

        private bool TryAddContains(MethodCallExpression call)
        {
            if (call.Method.Name != nameof(Enumerable.Contains))
            {
                return false;
            }

            // Enumerable.Contains(source, item), List<T>.Contains(item), and C# 14's MemoryExtensions.Contains(span, item[, null comparer]).
            var (collection, item) = call switch
            {
                { Object: null, Arguments: [var source, var value] } => (source, value),
                { Object: null, Arguments: [var source, var value, ConstantExpression { Value: null }] } => (source, value),
                { Object: { } source, Arguments: [var value] } => (source, value),
                _ => (null, null),
            };
            if (collection is null || item is null)
            {
                return false;
            }

            collection = WithoutConversions(collection);
            if (IsRecordMember(collection, nameof(RagChunkRecord.Tags)) && IsIndependentOfRecord(item))
            {
                _tags.Add(Evaluate<string>(item));
                return true;
            }

            if (IsRecordMember(item, nameof(RagChunkRecord.DocumentId)) && IsIndependentOfRecord(collection))
            {
                RestrictDocuments(Evaluate<IEnumerable<string>>(collection));
                return true;
            }

            return false;
        }

        private void RestrictDocuments(IEnumerable<string> documentIds)
        {
            if (_documentIds is null)
            {
                _documentIds = documentIds.ToHashSet(StringComparer.Ordinal);
            }
            else
            {
                _documentIds.IntersectWith(documentIds);
            }
        }

        private void RequireMetadata(string key, string value)
        {
            if (_metadata.TryGetValue(key, out var required) && required != value)
            {
                // Two different values for one key: nothing matches, which an empty document list expresses.
                _documentIds = [];
                return;
            }

            _metadata[key] = value;
        }

        private bool IsRecordMember(Expression expression, string memberName) =>
            WithoutConversions(expression) is MemberExpression { Expression: ParameterExpression parameter } member
            && parameter == record
            && member.Member.Name == memberName;

        private bool IsIndependentOfRecord(Expression expression)
        {
            var finder = new ParameterFinder(record);
            finder.Visit(expression);
            return !finder.Found;
        }

        private static T Evaluate<T>(Expression expression)
        {
            var value = expression is ConstantExpression constant
                ? constant.Value
                : Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
            return value is T typed
                ? typed
                : throw new NotSupportedException(
                    $"The filter value '{expression}' is {(value is null ? "null" : value.GetType().Name)}; the chunk store compares with a {typeof(T).Name}.");
        }

        private static Expression WithoutConversions(Expression expression) => expression switch
        {
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion => WithoutConversions(conversion.Operand),
            MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var operand] } => WithoutConversions(operand),
            _ => expression,
        };
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
