namespace GenAgent.Core.Sketch;

/// <summary>The shape family a class is drawn with.</summary>
internal enum PictogramShape
{
    Vehicle,
    Animal,
    Person,
    Ball,
    Dial,
    Octagon,
    Diamond,
    Tall,
    Cup,
    Stick,
    Wedge,
    Screen,
    Dome,
    Plant,
    Box,
    Bag,
}
