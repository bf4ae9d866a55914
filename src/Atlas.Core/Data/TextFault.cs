namespace Atlas.Core.Data;

/// <summary>What makes a text impossible to store: PostgreSQL refuses it, or it is not text at all.</summary>
public enum TextFault
{
    /// <summary>U+0000: PostgreSQL refuses it in text (22021 invalid byte sequence for encoding "UTF8": 0x00).</summary>
    NulCharacter,
    /// <summary>Half of a UTF-16 surrogate pair, which no UTF-8 text can hold.</summary>
    LoneSurrogate,
    /// <summary>Bytes that are not UTF-8, in a body that says it is.</summary>
    InvalidUtf8,
}
