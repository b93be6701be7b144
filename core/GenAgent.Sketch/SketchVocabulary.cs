namespace GenAgent.Sketch;

/// <summary>The words of the sketch world: the 80 COCO classes with their plurals and aliases, number words, colors.</summary>
internal static class SketchVocabulary
{
    private static readonly (string Name, float Aspect, string Color)[] Table =
    [
        ("person", 0.55f, "blue"), ("bicycle", 1.5f, "red"),
        ("car", 1.7f, "red"), ("motorcycle", 1.5f, "black"),
        ("airplane", 2.2f, "white"), ("bus", 2.0f, "yellow"),
        ("train", 2.4f, "green"), ("truck", 1.9f, "blue"),
        ("boat", 1.7f, "white"), ("traffic light", 0.45f, "black"),
        ("fire hydrant", 0.6f, "red"), ("stop sign", 0.7f, "red"),
        ("parking meter", 0.4f, "gray"), ("bench", 2.0f, "brown"),
        ("bird", 1.2f, "blue"), ("cat", 1.3f, "orange"),
        ("dog", 1.4f, "brown"), ("horse", 1.5f, "brown"),
        ("sheep", 1.4f, "white"), ("cow", 1.6f, "black"),
        ("elephant", 1.5f, "gray"), ("bear", 1.4f, "brown"),
        ("zebra", 1.5f, "white"), ("giraffe", 0.9f, "yellow"),
        ("backpack", 0.8f, "blue"), ("umbrella", 1.2f, "black"),
        ("handbag", 1.2f, "brown"), ("tie", 0.45f, "red"),
        ("suitcase", 1.3f, "black"), ("frisbee", 1.6f, "orange"),
        ("skis", 3.0f, "blue"), ("snowboard", 2.8f, "green"),
        ("sports ball", 1.0f, "orange"), ("kite", 0.8f, "red"),
        ("baseball bat", 3.0f, "brown"), ("baseball glove", 1.0f, "brown"),
        ("skateboard", 2.6f, "black"), ("surfboard", 2.8f, "yellow"),
        ("tennis racket", 0.7f, "green"), ("bottle", 0.4f, "green"),
        ("wine glass", 0.6f, "white"), ("cup", 0.9f, "white"),
        ("fork", 2.6f, "gray"), ("knife", 3.0f, "gray"),
        ("spoon", 2.6f, "gray"), ("bowl", 1.6f, "white"),
        ("banana", 1.8f, "yellow"), ("apple", 1.0f, "red"),
        ("sandwich", 1.4f, "brown"), ("orange", 1.0f, "orange"),
        ("broccoli", 1.0f, "green"), ("carrot", 2.6f, "orange"),
        ("hot dog", 2.4f, "brown"), ("pizza", 1.2f, "orange"),
        ("donut", 1.0f, "pink"), ("cake", 1.2f, "pink"),
        ("chair", 0.8f, "brown"), ("couch", 2.0f, "gray"),
        ("potted plant", 0.8f, "green"), ("bed", 1.8f, "white"),
        ("dining table", 1.8f, "brown"), ("toilet", 0.8f, "white"),
        ("tv", 1.5f, "black"), ("laptop", 1.4f, "gray"),
        ("computer mouse", 0.7f, "gray"), ("tv remote", 0.35f, "black"),
        ("computer keyboard", 2.8f, "black"), ("cell phone", 0.55f, "black"),
        ("microwave", 1.6f, "white"), ("oven", 1.1f, "gray"),
        ("toaster", 1.3f, "gray"), ("sink", 1.5f, "white"),
        ("refrigerator", 0.55f, "white"), ("book", 0.75f, "blue"),
        ("clock", 1.0f, "white"), ("vase", 0.6f, "blue"),
        ("scissors", 1.6f, "gray"), ("teddy bear", 0.8f, "brown"),
        ("hair drier", 1.2f, "pink"), ("toothbrush", 3.0f, "blue"),
    ];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["people"] = "person", ["man"] = "person", ["men"] = "person", ["woman"] = "person", ["women"] = "person",
        ["bike"] = "bicycle", ["bikes"] = "bicycle", ["motorbike"] = "motorcycle", ["plane"] = "airplane", ["aeroplane"] = "airplane",
        ["mice"] = "computer mouse", ["mouse"] = "computer mouse", ["computer mice"] = "computer mouse",
        ["keyboard"] = "computer keyboard", ["remote"] = "tv remote", ["remote control"] = "tv remote",
        ["television"] = "tv", ["phone"] = "cell phone", ["cellphone"] = "cell phone", ["mobile phone"] = "cell phone",
        ["hair dryer"] = "hair drier", ["hairdryer"] = "hair drier", ["ball"] = "sports ball", ["sofa"] = "couch",
        ["table"] = "dining table", ["plant"] = "potted plant", ["fridge"] = "refrigerator", ["doughnut"] = "donut",
        ["racket"] = "tennis racket", ["glove"] = "baseball glove", ["bat"] = "baseball bat", ["hotdog"] = "hot dog",
        ["knives"] = "knife", ["sheep"] = "sheep", ["ski"] = "skis", ["teddy"] = "teddy bear",
    };

    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["zero"] = 0, ["no"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    public static IReadOnlyList<SketchClass> Classes { get; } =
        [.. Table.Select((row, i) => new SketchClass(row.Name, row.Aspect, row.Color))];

    private static readonly Dictionary<string, SketchClass> ByName = Classes.ToDictionary(c => c.Name);

    /// <summary>Every written form (singular, plural, sloppy plural, alias) to its class and whether the form is plural.</summary>
    public static IReadOnlyDictionary<string, (SketchClass Class, bool Plural)> Forms { get; } = BuildForms();

    /// <summary>The longest form, in words; the parser tries matches up to this length.</summary>
    public static int MaxFormWords { get; } = Forms.Keys.Max(k => k.Count(c => c == ' ') + 1);

    public static SketchClass? Find(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        return ByName.TryGetValue(key, out var c) ? c : Forms.TryGetValue(key, out var f) ? f.Class : null;
    }

    public static SketchClass Get(string name) =>
        Find(name) ?? throw new ArgumentException($"\"{name}\" is not a class of the sketch world.", nameof(name));


    public static bool TryNumber(string word, out int value)
    {
        if (NumberWords.TryGetValue(word, out value))
        {
            return true;
        }

        return int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value <= 99;
    }

    public static string NumberWord(int n) => NumberWords.FirstOrDefault(p => p.Value == n && p.Key is not ("a" or "an" or "no" or "single")).Key ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plural a careful writer uses.</summary>
    public static string Plural(string name) => name switch
    {
        "person" => "people",
        "sheep" or "skis" or "scissors" => name,
        "knife" => "knives",
        "computer mouse" => "computer mice",
        _ when name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal)
            || name.EndsWith('s') || name.EndsWith('x') => name + "es",
        _ => name + "s",
    };

    public static string Phrase(string name, int count) => count == 1 ? name : Plural(name);

    private static Dictionary<string, (SketchClass, bool)> BuildForms()
    {
        var forms = new Dictionary<string, (SketchClass, bool)>();
        foreach (var c in Classes)
        {
            forms[c.Name] = (c, false);
            foreach (var plural in new[] { Plural(c.Name), c.Name + "s", c.Name + "es" })
            {
                forms.TryAdd(plural, (c, true));
            }
        }

        foreach (var (alias, target) in Aliases)
        {
            var c = ByNameStatic(target);
            var plural = alias is "people" or "men" or "women" or "mice" or "computer mice" or "knives" or "bikes";
            forms.TryAdd(alias, (c, plural));
            if (!plural)
            {
                forms.TryAdd(alias + "s", (c, true));
            }
        }

        return forms;
    }

    private static SketchClass ByNameStatic(string name) => Classes.First(c => c.Name == name);
}
