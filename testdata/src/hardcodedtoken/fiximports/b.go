package fiximports

var sandboxToken = "Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8O"
