namespace GenAgent.Core.Sketch;

/// <summary>The words of the sketch world: the 80 COCO classes with their plurals and aliases, number words, colors.</summary>
internal static class SketchVocabulary
{
    private static readonly (string Name, PictogramShape Shape, float Aspect, string Color)[] Table =
    [
        ("person", PictogramShape.Person, 0.55f, "blue"), ("bicycle", PictogramShape.Vehicle, 1.5f, "red"),
        ("car", PictogramShape.Vehicle, 1.7f, "red"), ("motorcycle", PictogramShape.Vehicle, 1.5f, "black"),
        ("airplane", PictogramShape.Stick, 2.2f, "white"), ("bus", PictogramShape.Vehicle, 2.0f, "yellow"),
        ("train", PictogramShape.Vehicle, 2.4f, "green"), ("truck", PictogramShape.Vehicle, 1.9f, "blue"),
        ("boat", PictogramShape.Wedge, 1.7f, "white"), ("traffic light", PictogramShape.Tall, 0.45f, "black"),
        ("fire hydrant", PictogramShape.Tall, 0.6f, "red"), ("stop sign", PictogramShape.Octagon, 1.0f, "red"),
        ("parking meter", PictogramShape.Tall, 0.4f, "gray"), ("bench", PictogramShape.Box, 2.0f, "brown"),
        ("bird", PictogramShape.Animal, 1.2f, "blue"), ("cat", PictogramShape.Animal, 1.3f, "orange"),
        ("dog", PictogramShape.Animal, 1.4f, "brown"), ("horse", PictogramShape.Animal, 1.5f, "brown"),
        ("sheep", PictogramShape.Animal, 1.4f, "white"), ("cow", PictogramShape.Animal, 1.6f, "black"),
        ("elephant", PictogramShape.Animal, 1.5f, "gray"), ("bear", PictogramShape.Animal, 1.4f, "brown"),
        ("zebra", PictogramShape.Animal, 1.5f, "white"), ("giraffe", PictogramShape.Animal, 0.9f, "yellow"),
        ("backpack", PictogramShape.Bag, 0.8f, "blue"), ("umbrella", PictogramShape.Dome, 1.2f, "black"),
        ("handbag", PictogramShape.Bag, 1.2f, "brown"), ("tie", PictogramShape.Wedge, 0.45f, "red"),
        ("suitcase", PictogramShape.Bag, 1.3f, "black"), ("frisbee", PictogramShape.Ball, 1.6f, "orange"),
        ("skis", PictogramShape.Stick, 3.0f, "blue"), ("snowboard", PictogramShape.Stick, 2.8f, "green"),
        ("sports ball", PictogramShape.Ball, 1.0f, "orange"), ("kite", PictogramShape.Diamond, 0.8f, "red"),
        ("baseball bat", PictogramShape.Stick, 3.0f, "brown"), ("baseball glove", PictogramShape.Bag, 1.0f, "brown"),
        ("skateboard", PictogramShape.Vehicle, 2.6f, "black"), ("surfboard", PictogramShape.Stick, 2.8f, "yellow"),
        ("tennis racket", PictogramShape.Dome, 0.7f, "green"), ("bottle", PictogramShape.Tall, 0.4f, "green"),
        ("wine glass", PictogramShape.Cup, 0.6f, "white"), ("cup", PictogramShape.Cup, 0.9f, "white"),
        ("fork", PictogramShape.Stick, 2.6f, "gray"), ("knife", PictogramShape.Stick, 3.0f, "gray"),
        ("spoon", PictogramShape.Stick, 2.6f, "gray"), ("bowl", PictogramShape.Cup, 1.6f, "white"),
        ("banana", PictogramShape.Dome, 1.8f, "yellow"), ("apple", PictogramShape.Ball, 1.0f, "red"),
        ("sandwich", PictogramShape.Wedge, 1.4f, "brown"), ("orange", PictogramShape.Ball, 1.0f, "orange"),
        ("broccoli", PictogramShape.Plant, 1.0f, "green"), ("carrot", PictogramShape.Stick, 2.6f, "orange"),
        ("hot dog", PictogramShape.Stick, 2.4f, "brown"), ("pizza", PictogramShape.Wedge, 1.2f, "orange"),
        ("donut", PictogramShape.Ball, 1.0f, "pink"), ("cake", PictogramShape.Box, 1.2f, "pink"),
        ("chair", PictogramShape.Box, 0.8f, "brown"), ("couch", PictogramShape.Box, 2.0f, "gray"),
        ("potted plant", PictogramShape.Plant, 0.8f, "green"), ("bed", PictogramShape.Box, 1.8f, "white"),
        ("dining table", PictogramShape.Box, 1.8f, "brown"), ("toilet", PictogramShape.Cup, 0.8f, "white"),
        ("tv", PictogramShape.Screen, 1.5f, "black"), ("laptop", PictogramShape.Screen, 1.4f, "gray"),
        ("computer mouse", PictogramShape.Ball, 0.7f, "gray"), ("tv remote", PictogramShape.Tall, 0.35f, "black"),
        ("computer keyboard", PictogramShape.Screen, 2.8f, "black"), ("cell phone", PictogramShape.Screen, 0.55f, "black"),
        ("microwave", PictogramShape.Screen, 1.6f, "white"), ("oven", PictogramShape.Screen, 1.1f, "gray"),
        ("toaster", PictogramShape.Box, 1.3f, "gray"), ("sink", PictogramShape.Cup, 1.5f, "white"),
        ("refrigerator", PictogramShape.Tall, 0.55f, "white"), ("book", PictogramShape.Box, 0.75f, "blue"),
        ("clock", PictogramShape.Dial, 1.0f, "white"), ("vase", PictogramShape.Cup, 0.6f, "blue"),
        ("scissors", PictogramShape.Stick, 1.6f, "gray"), ("teddy bear", PictogramShape.Person, 0.8f, "brown"),
        ("hair drier", PictogramShape.Bag, 1.2f, "pink"), ("toothbrush", PictogramShape.Stick, 3.0f, "blue"),
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
        [.. Table.Select((row, i) => new SketchClass(i + 1, row.Name, row.Shape, row.Aspect, row.Color))];

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

    public static SketchClass? ById(int id) => id >= 1 && id <= Classes.Count ? Classes[id - 1] : null;

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
