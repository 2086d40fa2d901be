// ClaimTrack page behaviour. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  "use strict";
})();
