namespace RagPlatform.Web.Components.Shared;

public enum IconName
{
    Pencil,
    Trash,
    Close,
}
