using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Atlas.Core.Data;

internal sealed class EnumCodeConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => EnumCode<TEnum>.ToCode(v),
    s => EnumCode<TEnum>.Parse(s))
    where TEnum : struct, Enum;
