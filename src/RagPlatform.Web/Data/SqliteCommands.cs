using Microsoft.Data.Sqlite;

namespace RagPlatform.Web.Data;

internal static class SqliteCommands
{
    /// <summary>A command with named parameters; null values are stored as SQL NULL.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
