using System.Linq.Expressions;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// Builds a connector filter from the platform's <see cref="SearchFilter"/> with the forms VectorData connectors
/// translate: <c>ids.Contains(r.DocumentId)</c> and <c>r.Tags.Contains(tag)</c>, joined with &amp;&amp;.
/// </summary>
internal static class RecordFilterBuilder
{
    public static Expression<Func<TRecord, bool>>? Build<TRecord>(
        SearchFilter filter, Expression<Func<TRecord, string>> documentId, Expression<Func<TRecord, IEnumerable<string>>>? tags)
    {
        if (filter.Metadata is { Count: > 0 })
        {
            throw new NotSupportedException(
                "This request filters by document metadata, which has no generic connector form: set VectorStoreRetrievalOptions.Filter to map the SearchFilter onto your record's fields.");
        }

        var record = documentId.Parameters[0];
        var conditions = new List<Expression>();
        if (filter.DocumentIds is { } documentIds)
        {
            conditions.Add(Contains(Expression.Constant(documentIds.ToArray()), documentId.Body));
        }

        if (filter.Tags is { Count: > 0 } requiredTags)
        {
            if (tags is null)
            {
                throw new NotSupportedException(
                    "This request filters by tags, but VectorStoreRetrievalOptions.Tags is not set: say where a record keeps its tags, e.g. o.Tags = r => r.Tags.");
            }

            var recordTags = new ParameterReplacer(tags.Parameters[0], record).Visit(WithoutConversion(tags.Body));
            conditions.AddRange(requiredTags.Select(tag => Contains(recordTags, Expression.Constant(tag))));
        }

        return conditions.Count == 0
            ? null
            : Expression.Lambda<Func<TRecord, bool>>(conditions.Aggregate(Expression.AndAlso), record);
    }

    private static MethodCallExpression Contains(Expression collection, Expression item) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], collection, item);

    // The lambda's conversion to IEnumerable<string> is not part of the record's field, which connectors look for.
    private static Expression WithoutConversion(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert } conversion ? conversion.Operand : expression;

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
